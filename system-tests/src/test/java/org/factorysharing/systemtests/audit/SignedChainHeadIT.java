package org.factorysharing.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.factorysharing.verifier.ChainVerifier;
import org.factorysharing.verifier.ChainVerifier.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor verifies the event store offline: the server signs the chain's head, the auditor exports the events as
 * JSON Lines and checks them with the verifier (no server, no database) against the signed head and the public key.
 * A changed line, a missing line, a changed signature and a head signed with another key are all rejected.
 */
@ServerTest
class SignedChainHeadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void theVerifierAcceptsARealExportAgainstASignedHeadAndRejectsEveryTampering() throws Exception {
        Http officer = Http.as(port, "officer", TestData.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(officer.post("/api/members", TestData.registerMemberJson(TestData.nib()))
                            .status())
                    .isEqualTo(201);
        }
        Http auditor = Http.as(port, "auditor", TestData.PASSWORD);
        Reply signed = auditor.post("/api/audit/chain/heads", null);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        String head = signed.body();
        assertThat(signed.json().get("linkNo").asLong()).isPositive();
        assertThat(signed.json().get("signedBy").asText()).isEqualTo("auditor");
        assertThat(auditor.get("/api/audit/chain/heads?limit=5")
                        .json()
                        .get(0)
                        .get("statement")
                        .asText())
                .isEqualTo(signed.json().get("statement").asText());
        String pem =
                auditor.get("/api/audit/chain/signing-key").json().get("pem").asText();
        var trusted = ChainVerifier.publicKey(pem);

        // events written after the head are in the export too: consistent, but not covered by this head
        officer.post("/api/members", TestData.registerMemberJson(TestData.nib()));
        Reply export = auditor.get("/api/audit/events/export?format=jsonl");
        assertThat(export.status()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSizeGreaterThan(3);

        Result accepted = ChainVerifier.verify(lines, head, trusted);
        assertThat(accepted.verified()).as(accepted.reason()).isTrue();
        assertThat(accepted.signedLink()).isEqualTo(signed.json().get("linkNo").asLong());
        assertThat(accepted.linksChecked()).isEqualTo(lines.size());

        // the command line, as an auditor runs it
        Path exportFile = Files.write(files.resolve("events.jsonl"), lines, StandardCharsets.UTF_8);
        Path headFile = Files.writeString(files.resolve("head.json"), head);
        Path keyFile = Files.writeString(files.resolve("key.pem"), pem);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ChainVerifier.run(
                new String[] {
                    "--export", exportFile.toString(), "--head", headFile.toString(), "--public-key", keyFile.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VERIFIED");

        // a changed line: one event moved to another aggregate, its hashes left as they were
        int victim = lineWithLink(lines, 2);
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(victim, lines.get(victim).replaceFirst("\"aggregateId\":\"", "\"aggregateId\":\"X"));
        assertThat(tampered.get(victim)).isNotEqualTo(lines.get(victim));
        Result changed = ChainVerifier.verify(tampered, head, trusted);
        assertThat(changed.verified()).isFalse();
        assertThat(changed.reason()).contains("the line was changed");

        // a missing line
        List<String> missing = new ArrayList<>(lines);
        missing.remove(victim);
        Result gap = ChainVerifier.verify(missing, head, trusted);
        assertThat(gap.verified()).isFalse();
        assertThat(gap.reason()).contains("a line is missing");

        // a wrong signature: one bit of it flipped
        ObjectNode wrongSignature = (ObjectNode) JSON.readTree(head);
        byte[] signature =
                Base64.getDecoder().decode(wrongSignature.get("signature").asText());
        signature[10] ^= 1;
        wrongSignature.put("signature", Base64.getEncoder().encodeToString(signature));
        Result badSignature = ChainVerifier.verify(lines, JSON.writeValueAsString(wrongSignature), trusted);
        assertThat(badSignature.verified()).isFalse();
        assertThat(badSignature.reason()).contains("signature");

        // a head of the same chain, but signed with another key (whose public key it even carries)
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(other.getPrivate());
        String statement = signed.json().get("statement").asText();
        signer.update(statement.getBytes(StandardCharsets.UTF_8));
        ObjectNode foreign = (ObjectNode) JSON.readTree(head);
        foreign.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        foreign.put(
                "publicKey",
                Base64.getEncoder().encodeToString(other.getPublic().getEncoded()));
        Result otherKey = ChainVerifier.verify(lines, JSON.writeValueAsString(foreign), trusted);
        assertThat(otherKey.verified()).isFalse();
        assertThat(otherKey.reason()).contains("does not verify with the trusted public key");
        // ... which verifies only with that other key
        assertThat(ChainVerifier.verify(lines, JSON.writeValueAsString(foreign), other.getPublic())
                        .verified())
                .isTrue();

        // a head claiming another hash for the link, signed by another key, is refused for its signature already
        ObjectNode changedHead = (ObjectNode) JSON.readTree(head);
        changedHead.put("statement", statement.replaceFirst("hash=[0-9a-f]{4}", "hash=0000"));
        assertThat(ChainVerifier.verify(lines, JSON.writeValueAsString(changedHead), trusted)
                        .verified())
                .isFalse();
    }

    @Test
    void onlyAuditorsAndAdminsSignHeads() {
        assertThat(Http.as(port, "officer", TestData.PASSWORD)
                        .post("/api/audit/chain/heads", null)
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(port, "member", TestData.PASSWORD)
                        .get("/api/audit/chain/heads")
                        .status())
                .isEqualTo(403);
        assertThat(Http.as(port, "admin", TestData.PASSWORD)
                        .post("/api/audit/chain/heads", null)
                        .status())
                .isEqualTo(201);
    }

    private static int lineWithLink(List<String> lines, long link) throws Exception {
        for (int i = 0; i < lines.size(); i++) {
            if (JSON.readTree(lines.get(i)).at("/chain/link").asLong() == link) {
                return i;
            }
        }
        throw new AssertionError("no line holds link " + link);
    }
}
