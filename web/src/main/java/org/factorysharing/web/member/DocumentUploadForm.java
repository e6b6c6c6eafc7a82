package org.factorysharing.web.member;

import jakarta.validation.constraints.NotNull;
import org.factorysharing.api.member.DocumentKind;
import org.springframework.web.multipart.MultipartFile;

/** One more document for an open application (/me/documents). */
public class DocumentUploadForm {

    @NotNull
    private DocumentKind kind;

    private MultipartFile file;

    public DocumentKind getKind() {
        return kind;
    }

    public void setKind(DocumentKind kind) {
        this.kind = kind;
    }

    public MultipartFile getFile() {
        return file;
    }

    public void setFile(MultipartFile file) {
        this.file = file;
    }
}
