package org.factorysharing.api.member;

import java.util.Optional;

/**
 * The file types a member's document may have, recognised by the content's first bytes (its magic number), never by
 * the file's name or the type a browser claims. A document is at most {@link #MAX_BYTES} long.
 */
public enum DocumentFormat {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** 5 MB: a scan of a certificate or an identity card is far smaller. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The longest file name kept. */
    public static final int MAX_FILE_NAME_LENGTH = 200;

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    DocumentFormat(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    /** The media type the document is served with, whatever the uploader said. */
    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format whose magic number the content starts with, or none. */
    public static Optional<DocumentFormat> of(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        for (DocumentFormat format : values()) {
            if (format.startsOf(content)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format of a content type as served, or none. */
    public static Optional<DocumentFormat> ofContentType(String contentType) {
        for (DocumentFormat format : values()) {
            if (format.contentType.equals(contentType)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Why a content may not be a member's document (empty, too large, not a PDF, JPEG or PNG), or none. */
    public static Optional<DocumentRefusal> refusalOf(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of(DocumentRefusal.EMPTY);
        }
        if (content.length > MAX_BYTES) {
            return Optional.of(DocumentRefusal.TOO_LARGE);
        }
        if (of(content).isEmpty()) {
            return Optional.of(DocumentRefusal.UNSUPPORTED_TYPE);
        }
        return Optional.empty();
    }

    /**
     * The name a document is kept under: the uploaded name without any folder, control characters or surrounding
     * spaces, at most 200 characters (keeping its ending); "dokumen.pdf" (by format) when nothing usable is left.
     */
    public String fileNameFor(String uploadedName) {
        String name = uploadedName == null ? "" : uploadedName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\uD800-\\uDFFF]", "").strip();
        if (name.isEmpty()) {
            return "dokumen." + extension;
        }
        if (name.length() > MAX_FILE_NAME_LENGTH) {
            name = name.substring(name.length() - MAX_FILE_NAME_LENGTH).strip();
        }
        return name;
    }

    private boolean startsOf(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
