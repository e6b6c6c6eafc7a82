package org.factorysharing.api.member;

/**
 * Where the contents of members' documents are kept (a port: the privacy module implements it, the command side
 * writes through it). Called in the transaction of the command that records the attachment, so the event and the
 * stored content commit together or not at all. The content is kept encrypted with the member's personal-data key:
 * forgetting the member's personal data makes its documents unreadable.
 */
public interface MemberDocumentVault {

    /**
     * Keeps a document's content; storing the same document again changes nothing. Throws when the member's personal
     * data are forgotten (no key is left to encrypt with).
     */
    void store(StoredDocument document, byte[] content);

    /** What is stored beside the content (the file name encrypted with it). */
    record StoredDocument(
            MemberId memberId,
            String documentId,
            DocumentKind kind,
            String fileName,
            DocumentFormat format,
            long size,
            String sha256,
            String attachedBy) {}
}
