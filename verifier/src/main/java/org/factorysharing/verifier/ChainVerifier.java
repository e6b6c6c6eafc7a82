package org.factorysharing.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, without the server or its database, that an audit export is the event store that was signed:
 *
 * <ol>
 * <li>the signed head's signature verifies with the public key the auditor trusts (Ed25519 over its statement
 * {@code factory-sharing chain head v1 link=<n> hash=<hex> signedAt=<instant>});
 * <li>the export (GET /api/audit/events/export?format=jsonl, unfiltered) holds links 1, 2, 3, ... with none missing;
 * <li>every link's hash recomputes from the line: SHA-256(previous link hash || canonical bytes of the event), the
 * first link's previous hash being 32 zero bytes, the canonical bytes as the server's V5__event_hash_chain.sql and
 * ChainedEvent build them;
 * <li>the recomputed hash of the signed link is the signed hash.
 * </ol>
 *
 * <p>Usage: {@code java -jar chain-verifier.jar --export events.jsonl --head head.json --public-key key.pem}. Exit 0:
 * verified; 1: rejected (the first reason is printed); 2: the command line or a file could not be used.
 */
public final class ChainVerifier {

    private static final Pattern STATEMENT =
            Pattern.compile("factory-sharing chain head v1 link=(\\d+) hash=([0-9a-f]{64}) signedAt=(\\S+)");
    private static final HexFormat HEX = HexFormat.of();

    /** The outcome: verified or not, why, and how many links were checked. */
    public record Result(boolean verified, String reason, long linksChecked, long signedLink, long linksAfterHead) {

        static Result rejected(String reason, long checked, long signedLink) {
            return new Result(false, reason, checked, signedLink, 0);
        }
    }

    /** One parsed export line. */
    private record Line(int number, long link, Map<String, Json.Value> event, Map<String, Json.Value> chain) {}

    private ChainVerifier() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line: prints what was checked and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        Path head = null;
        Path key = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--export" -> export = value == null ? null : Path.of(value);
                case "--head" -> head = value == null ? null : Path.of(value);
                case "--public-key" -> key = value == null ? null : Path.of(value);
                default -> {
                    err.println("unknown argument " + args[i]);
                    return usage(err);
                }
            }
            i++;
        }
        if (export == null || head == null || key == null) {
            return usage(err);
        }
        Result result;
        try {
            result = verify(
                    Files.readAllLines(export, StandardCharsets.UTF_8),
                    Files.readString(head, StandardCharsets.UTF_8),
                    publicKey(Files.readString(key, StandardCharsets.US_ASCII)));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot use the files: " + e.getMessage());
            return 2;
        }
        if (result.verified()) {
            out.printf(
                    "VERIFIED: %d links recomputed; the chain up to link %d is the one signed%s%n",
                    result.linksChecked(),
                    result.signedLink(),
                    result.linksAfterHead() > 0
                            ? "; " + result.linksAfterHead()
                                    + " later links are consistent but not covered by this head"
                            : "");
            return 0;
        }
        out.println("REJECTED: " + result.reason());
        return 1;
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar chain-verifier.jar --export events.jsonl --head head.json --public-key key.pem");
        err.println("  events.jsonl  GET /api/audit/events/export?format=jsonl (unfiltered)");
        err.println("  head.json     one signed head: POST or GET /api/audit/chain/heads");
        err.println("  key.pem       the server's public key, obtained from a channel you trust");
        return 2;
    }

    /** Reads a public key: PEM ("BEGIN PUBLIC KEY") or Base64 of its X.509 DER. */
    public static PublicKey publicKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Verifies export lines against a signed head (its JSON as the API gives it) and the trusted key. */
    public static Result verify(List<String> exportLines, String signedHeadJson, PublicKey trusted) {
        Map<String, Json.Value> head = Json.parse(signedHeadJson).object();
        String statement = field(head, "statement").string();
        Matcher matcher = STATEMENT.matcher(statement == null ? "" : statement);
        if (!matcher.matches()) {
            return Result.rejected("the signed head's statement is not a chain head statement", 0, 0);
        }
        long signedLink = Long.parseLong(matcher.group(1));
        byte[] signedHash = HEX.parseHex(matcher.group(2));
        if (!signatureHolds(statement, field(head, "signature").string(), trusted)) {
            return Result.rejected(
                    "the signature of the head does not verify with the trusted public key (another key, or a changed "
                            + "head)",
                    0,
                    signedLink);
        }

        byte[] previous = new byte[32];
        long expectedLink = 1;
        long checked = 0;
        boolean headSeen = signedLink == 0 && Arrays.equals(signedHash, previous);
        // the export is in global-index order; links are numbered in commit order, which concurrent
        // transactions may make differ: check in link order
        List<Line> lines = new ArrayList<>();
        int lineNo = 0;
        for (String text : exportLines) {
            lineNo++;
            if (text.isBlank()) {
                continue;
            }
            try {
                Map<String, Json.Value> event = Json.parse(text).object();
                Map<String, Json.Value> chain = field(event, "chain").object();
                lines.add(new Line(lineNo, field(chain, "link").number(), event, chain));
            } catch (IllegalArgumentException e) {
                return Result.rejected(
                        "line " + lineNo + " is not an export line with its link: " + e.getMessage(), 0, signedLink);
            }
        }
        lines.sort(Comparator.comparingLong(Line::link));
        for (Line line : lines) {
            long link = line.link();
            if (link != expectedLink) {
                return Result.rejected(
                        "line " + line.number() + " holds link " + link + " where link " + expectedLink
                                + " was expected: "
                                + (link > expectedLink ? "a line is missing" : "a line is repeated"),
                        checked,
                        signedLink);
            }
            byte[] recomputed = linkHash(previous, line.event(), line.chain());
            if (!Arrays.equals(
                            previous,
                            HEX.parseHex(field(line.chain(), "prevHash").string()))
                    || !Arrays.equals(
                            recomputed,
                            HEX.parseHex(field(line.chain(), "linkHash").string()))) {
                return Result.rejected(
                        "line " + line.number() + " (link " + link + ", event "
                                + field(line.event(), "eventId").string()
                                + ") does not hash to its link: the line was changed",
                        checked,
                        signedLink);
            }
            checked++;
            if (link == signedLink) {
                if (!Arrays.equals(recomputed, signedHash)) {
                    return Result.rejected(
                            "link " + link + " recomputes to " + HEX.formatHex(recomputed) + ", not to the signed hash "
                                    + HEX.formatHex(signedHash),
                            checked,
                            signedLink);
                }
                headSeen = true;
            }
            previous = recomputed;
            expectedLink++;
        }
        if (!headSeen) {
            return Result.rejected(
                    "the export ends at link " + (expectedLink - 1) + ", before the signed link " + signedLink,
                    checked,
                    signedLink);
        }
        return new Result(true, null, checked, signedLink, Math.max(0, checked - signedLink));
    }

    /** SHA-256(previous || canonical bytes), exactly as the server's chain computes it. */
    static byte[] linkHash(byte[] previous, Map<String, Json.Value> event, Map<String, Json.Value> chain) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(int64(field(event, "globalIndex").number()));
        field(digest, text(field(event, "eventId").string()));
        field(digest, text(field(event, "aggregateId").string()));
        digest.update(int64(field(event, "sequence").number()));
        field(digest, text(field(chain, "type").string()));
        field(digest, text(field(chain, "payloadType").string()));
        field(digest, text(field(chain, "payloadRevision").string()));
        field(digest, text(field(chain, "storedTimestamp").string()));
        field(digest, raw(field(event, "payload")));
        field(digest, raw(field(event, "metadata")));
        return digest.digest();
    }

    private static boolean signatureHolds(String statement, String signatureBase64, PublicKey trusted) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(trusted);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** A missing member reads as JSON null (the server leaves out none of these). */
    private static Json.Value field(Map<String, Json.Value> object, String name) {
        Json.Value value = object.get(name);
        return value != null ? value : new Json.Value(null, 0, 4, "null");
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** The stored JSON of payload or metadata: the value's exact text, or no value for JSON null. */
    private static byte[] raw(Json.Value value) {
        return value.value() == null ? null : value.raw().getBytes(StandardCharsets.UTF_8);
    }

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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
