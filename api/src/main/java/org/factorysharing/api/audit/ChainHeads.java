package org.factorysharing.api.audit;

import java.time.Instant;
import java.util.List;

/** Signed heads of the event hash chain, and the chain links an export carries, for verifying offline. */
public final class ChainHeads {

    private ChainHeads() {}

    /** Sign the chain's head as it is now with the server's signing key, and keep the signed head. */
    public record SignChainHead(String requestedBy) {}

    /** The latest signed heads, newest first. */
    public record FindSignedHeads(int limit) {}

    /** The server's public key for signed heads (none when no signing key is configured). */
    public record FindSigningKey() {}

    /** The links covering the events with global index in {@code fromGlobalIndex..toGlobalIndex}. */
    public record FindChainLinks(long fromGlobalIndex, long toGlobalIndex) {}

    /**
     * A signed head: Ed25519 signature over {@code statement}, the UTF-8 text
     * {@code factory-sharing chain head v1 link=<linkNo> hash=<headHash> signedAt=<signedAt>}; {@code keyId} is the
     * first 16 hex digits of SHA-256 of the public key (X.509 DER, Base64 in {@code publicKey}).
     */
    public record SignedHeadView(
            long linkNo,
            String headHash,
            Instant signedAt,
            String statement,
            String algorithm,
            String keyId,
            String publicKey,
            String signature,
            String signedBy) {}

    /** The signing key: algorithm, key id and the public key (X.509 DER as Base64, and as PEM). */
    public record SigningKeyView(String algorithm, String keyId, String publicKey, String pem) {}

    /** One link as an export line carries it: the columns hashed besides those the line has, and the hashes. */
    public record ChainLinkView(
            long globalIndex,
            long linkNo,
            String type,
            String payloadType,
            String payloadRevision,
            String storedTimestamp,
            String prevHash,
            String linkHash) {}

    /** Links in global-index order. */
    public record ChainLinkPage(List<ChainLinkView> links) {}
}
