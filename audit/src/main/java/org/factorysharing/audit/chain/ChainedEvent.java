package org.factorysharing.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One stored event as the hash chain covers it: every column of domain_event_entry. Its canonical bytes are
 * the ones V5__event_hash_chain.sql hashes (event_chain_bytes); this is a second, independent implementation
 * so that verifying does not trust functions stored in the database it checks.
 */
record ChainedEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /** The link before the first one. */
    static final byte[] GENESIS = new byte[32];

    /** SHA-256(previous link hash || canonical bytes of this event). */
    byte[] linkHash(byte[] previousLinkHash) {
        MessageDigest digest = sha256();
        digest.update(previousLinkHash);
        digest.update(int64(globalIndex));
        field(digest, eventIdentifier);
        field(digest, aggregateIdentifier);
        digest.update(int64(sequenceNumber));
        field(digest, type);
        field(digest, payloadType);
        field(digest, payloadRevision);
        field(digest, timeStamp);
        field(digest, payload);
        field(digest, metaData);
        return digest.digest();
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed (-1 for NULL), so that shifting bytes from one field to the next changes the hash. */
    private static void field(MessageDigest digest, byte[] value) {
        digest.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static byte[] int64(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
