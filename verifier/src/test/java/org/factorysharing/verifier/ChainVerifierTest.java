package org.factorysharing.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain rules on a small export made here; SignedChainHeadIT runs the same on a real server's export. */
class ChainVerifierTest {

    private static final HexFormat HEX = HexFormat.of();

    private final KeyPair server = keyPair();
    private final List<String> lines = new ArrayList<>();
    private byte[] head = new byte[32];

    ChainVerifierTest() throws Exception {
        for (int i = 1; i <= 4; i++) {
            append(
                    i,
                    "{\"memberId\":{\"value\":\"m-" + i + "\"},\"name\":\"Kopi \\u00e9 " + i + "\"}",
                    i == 2 ? null : "{\"userId\":\"officer\"}");
        }
    }

    @Test
    void acceptsAnIntactExportAgainstItsSignedHead() throws Exception {
        ChainVerifier.Result result = ChainVerifier.verify(lines, signedHead(4, head, server), server.getPublic());
        assertThat(result.verified()).as(result.reason()).isTrue();
        assertThat(result.linksChecked()).isEqualTo(4);
    }

    @Test
    void acceptsLinesInGlobalOrderThatDiffersFromLinkOrder() throws Exception {
        List<String> shuffled = new ArrayList<>(List.of(lines.get(1), lines.get(0), lines.get(3), lines.get(2)));
        assertThat(ChainVerifier.verify(shuffled, signedHead(4, head, server), server.getPublic())
                        .verified())
                .isTrue();
    }

    @Test
    void rejectsAChangedPayload() throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(2, tampered.get(2).replace("Kopi", "Teh"));
        ChainVerifier.Result result = ChainVerifier.verify(tampered, signedHead(4, head, server), server.getPublic());
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("line 3").contains("was changed");
    }

    @Test
    void rejectsAMissingLine() throws Exception {
        List<String> missing = new ArrayList<>(lines);
        missing.remove(1);
        ChainVerifier.Result result = ChainVerifier.verify(missing, signedHead(4, head, server), server.getPublic());
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("a line is missing");
    }

    @Test
    void rejectsAnExportThatEndsBeforeTheSignedLink() throws Exception {
        ChainVerifier.Result result =
                ChainVerifier.verify(lines.subList(0, 3), signedHead(4, head, server), server.getPublic());
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("ends at link 3");
    }

    @Test
    void rejectsAHeadSignedWithAnotherKey() throws Exception {
        ChainVerifier.Result result = ChainVerifier.verify(lines, signedHead(4, head, keyPair()), server.getPublic());
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("signature");
    }

    @Test
    void rejectsAHeadWhoseHashIsNotTheChains() throws Exception {
        ChainVerifier.Result result =
                ChainVerifier.verify(lines, signedHead(4, new byte[32], server), server.getPublic());
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).contains("not to the signed hash");
    }

    @Test
    void theCommandLineAnswersTwoForMissingArguments() {
        assertThat(ChainVerifier.run(new String[] {"--export"}, System.out, System.err))
                .isEqualTo(2);
    }

    // --- a chain made as the server makes it (V5__event_hash_chain.sql) ---

    private void append(long link, String payload, String metadata) throws Exception {
        long globalIndex = link * 10;
        String eventId = "e-" + link;
        String aggregateId = "m-" + link;
        String timestamp = "2026-11-29T10:00:0" + link + ".100Z";
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(head);
        digest.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        field(digest, eventId);
        field(digest, aggregateId);
        digest.update(ByteBuffer.allocate(8).putLong(0).array());
        field(digest, "Member");
        field(digest, "org.factorysharing.api.member.MemberEvent$MemberRegistered");
        field(digest, "1");
        field(digest, timestamp);
        field(digest, payload);
        field(digest, metadata);
        byte[] linkHash = digest.digest();
        lines.add(("{\"globalIndex\":%d,\"eventId\":\"%s\",\"aggregateType\":\"Member\",\"aggregateId\":\"%s\","
                        + "\"sequence\":0,\"eventType\":\"MemberRegistered\",\"timestamp\":\"%s\",\"payload\":%s,"
                        + "\"metadata\":%s,\"chain\":{\"link\":%d,\"type\":\"Member\",\"payloadType\":"
                        + "\"org.factorysharing.api.member.MemberEvent$MemberRegistered\",\"payloadRevision\":\"1\","
                        + "\"storedTimestamp\":\"%s\",\"prevHash\":\"%s\",\"linkHash\":\"%s\"}}")
                .formatted(
                        globalIndex,
                        eventId,
                        aggregateId,
                        timestamp,
                        payload,
                        metadata == null ? "null" : metadata,
                        link,
                        timestamp,
                        HEX.formatHex(head),
                        HEX.formatHex(linkHash)));
        head = linkHash;
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        digest.update(
                ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    private static String signedHead(long link, byte[] hash, KeyPair key) throws Exception {
        String statement = "factory-sharing chain head v1 link=%d hash=%s signedAt=2026-11-29T10:00:10Z"
                .formatted(link, HEX.formatHex(hash));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.getPrivate());
        signature.update(statement.getBytes(StandardCharsets.UTF_8));
        return "{\"linkNo\":%d,\"statement\":\"%s\",\"signature\":\"%s\"}"
                .formatted(link, statement, Base64.getEncoder().encodeToString(signature.sign()));
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
