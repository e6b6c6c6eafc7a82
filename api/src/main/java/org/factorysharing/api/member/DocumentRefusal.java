package org.factorysharing.api.member;

/** Why an upload is not taken as a member's document; every door answers these the same way. */
public enum DocumentRefusal {
    /** No bytes at all. */
    EMPTY("is empty"),
    /** More than {@link DocumentFormat#MAX_BYTES}. */
    TOO_LARGE("is larger than " + DocumentFormat.MAX_BYTES + " bytes (5 MB)"),
    /** Its content is not a PDF, JPEG or PNG file, whatever its name says. */
    UNSUPPORTED_TYPE("is not a PDF, JPEG or PNG file (judged by its content, not its name)");

    private final String reason;

    DocumentRefusal(String reason) {
        this.reason = reason;
    }

    /** The refusal in words, without the field's name. */
    public String reason() {
        return reason;
    }
}
