package org.factorysharing.web.member;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.factorysharing.api.member.DocumentFormat;
import org.factorysharing.api.member.DocumentRefusal;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded document checked as the command side checks it (by its content, at most 5 MB, not empty), before
 * anything is sent: a refused file is told next to its field in the page's language and nothing is stored.
 */
final class Uploads {

    private Uploads() {}

    /** The file's bytes, or null when the field is rejected. */
    static byte[] read(MultipartFile file, String field, BindingResult errors) {
        if (file == null || file.isEmpty() && isBlank(file.getOriginalFilename())) {
            errors.rejectValue(field, "member.document.missing");
            return null;
        }
        if (file.getSize() > DocumentFormat.MAX_BYTES) {
            errors.rejectValue(field, "member.document.refused." + DocumentRefusal.TOO_LARGE.name());
            return null;
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        Optional<DocumentRefusal> refusal = DocumentFormat.refusalOf(content);
        if (refusal.isPresent()) {
            errors.rejectValue(field, "member.document.refused." + refusal.get().name());
            return null;
        }
        return content;
    }

    /** The name the document is kept under (its format decided by its content). */
    static String fileName(MultipartFile file, byte[] content) {
        return DocumentFormat.of(content).orElseThrow().fileNameFor(file.getOriginalFilename());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
