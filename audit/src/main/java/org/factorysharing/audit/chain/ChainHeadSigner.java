package org.factorysharing.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.audit.ChainHeads.ChainLinkPage;
import org.factorysharing.api.audit.ChainHeads.ChainLinkView;
import org.factorysharing.api.audit.ChainHeads.FindChainLinks;
import org.factorysharing.api.audit.ChainHeads.FindSignedHeads;
import org.factorysharing.api.audit.ChainHeads.FindSigningKey;
import org.factorysharing.api.audit.ChainHeads.SignChainHead;
import org.factorysharing.api.audit.ChainHeads.SignedHeadView;
import org.factorysharing.api.audit.ChainHeads.SigningKeyView;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.platform.database.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the head of the event hash chain (its link number and hash, with the time) with the server's Ed25519 key, on
 * request and every {@code fs.audit.signing.every} when the chain has grown, and keeps every signed head. With an
 * external database and no key configured nothing is signed (a request is refused with {@code audit.no-signing-key});
 * with the embedded default a key is generated at start, good for a demo only.
 */
@Component
class ChainHeadSigner implements DisposableBean {

    static final String STATEMENT = "factory-sharing chain head v1 link=%d hash=%s signedAt=%s";
    static final String SCHEDULE = "system:schedule";
    private static final Logger log = LoggerFactory.getLogger(ChainHeadSigner.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SigningKey key;
    private final Duration every;
    private final EventChainLinker linker;
    private ScheduledExecutorService schedule;

    ChainHeadSigner(
            JdbcTemplate jdbc,
            EventChainLinker linker,
            PlatformTransactionManager transactionManager,
            DatabaseMode database,
            @Value("${fs.audit.signing.private-key:}") String privateKey,
            @Value("${fs.audit.signing.every:1h}") Duration every) {
        this.jdbc = jdbc;
        this.linker = linker;
        this.transactions = new TransactionTemplate(transactionManager);
        this.every = every;
        if (privateKey != null && !privateKey.isBlank()) {
            this.key = SigningKey.parse(privateKey);
        } else if (database.embedded()) {
            this.key = SigningKey.generate();
            log.warn(
                    "Chain heads are signed with a key generated at start (key id {}): for the embedded demo only. "
                            + "Set FS_AUDIT_SIGNING_KEY (an Ed25519 private key in PKCS#8) for a key auditors can trust.",
                    key.keyId());
        } else {
            this.key = null;
            log.warn(
                    "No FS_AUDIT_SIGNING_KEY: chain heads are not signed (an Ed25519 private key in PKCS#8 turns it on)");
        }
    }

    @EventListener
    void ready(ApplicationReadyEvent ready) {
        if (key == null || every.isZero() || every.isNegative()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chain-head-signer");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::signIfGrown, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    /** The head signed covers every event committed before the request: those the linker has not reached yet first. */
    @CommandHandler
    SignedHeadView handle(SignChainHead command) {
        linker.linkNow();
        return sign(command.requestedBy());
    }

    /** The scheduled signature: only when links were added since the last signed head. */
    void signIfGrown() {
        try {
            transactions.executeWithoutResult(tx -> {
                Long lastSigned = jdbc.queryForObject("SELECT max(link_no) FROM signed_chain_head", Long.class);
                Long head = jdbc.queryForObject("SELECT max(link_no) FROM event_chain_link", Long.class);
                if (head != null && (lastSigned == null || head > lastSigned)) {
                    SignedHeadView signed = sign(SCHEDULE);
                    log.info("Signed the chain head: link {} hash {}", signed.linkNo(), signed.headHash());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Signing the chain head on schedule failed: {}", e.toString());
        }
    }

    SignedHeadView sign(String signedBy) {
        if (key == null) {
            throw new BusinessRuleViolation(
                    "audit.no-signing-key",
                    "no signing key is configured (FS_AUDIT_SIGNING_KEY): chain heads cannot be signed");
        }
        List<Object[]> heads =
                jdbc.query("SELECT link_no, link_hash FROM event_chain_link ORDER BY link_no DESC LIMIT 1", (row, n) ->
                        new Object[] {row.getLong(1), row.getBytes(2)});
        long linkNo = heads.isEmpty() ? 0 : (Long) heads.get(0)[0];
        byte[] hash = heads.isEmpty() ? ChainedEvent.GENESIS : (byte[]) heads.get(0)[1];
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String statement = statement(linkNo, HEX.formatHex(hash), signedAt);
        byte[] signature = key.sign(statement);
        jdbc.update(
                """
                INSERT INTO signed_chain_head (link_no, head_hash, signed_at, statement, algorithm, key_id, public_key,
                    signature, signed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                linkNo,
                hash,
                Timestamp.from(signedAt),
                statement,
                SigningKey.ALGORITHM,
                key.keyId(),
                key.publicKeyBytes(),
                signature,
                signedBy);
        return new SignedHeadView(
                linkNo,
                HEX.formatHex(hash),
                signedAt,
                statement,
                SigningKey.ALGORITHM,
                key.keyId(),
                Base64.getEncoder().encodeToString(key.publicKeyBytes()),
                Base64.getEncoder().encodeToString(signature),
                signedBy);
    }

    static String statement(long linkNo, String hashHex, Instant signedAt) {
        return STATEMENT.formatted(linkNo, hashHex, signedAt);
    }

    @QueryHandler
    List<SignedHeadView> heads(FindSignedHeads query) {
        return jdbc.query("""
                SELECT link_no, head_hash, signed_at, statement, algorithm, key_id, public_key, signature, signed_by
                FROM signed_chain_head ORDER BY id DESC LIMIT ?""", ChainHeadSigner::head, Math.max(1, Math.min(query.limit(), 1000)));
    }

    @QueryHandler
    Optional<SigningKeyView> key(FindSigningKey query) {
        return Optional.ofNullable(key)
                .map(k -> new SigningKeyView(
                        SigningKey.ALGORITHM,
                        k.keyId(),
                        Base64.getEncoder().encodeToString(k.publicKeyBytes()),
                        k.pem()));
    }

    /** An export's lines carry their links: everything committed before the export is linked first. */
    @QueryHandler
    ChainLinkPage links(FindChainLinks query) {
        linker.linkNow();
        return new ChainLinkPage(jdbc.query(
                """
                SELECT l.global_index, l.link_no, e.type, e.payload_type, e.payload_revision, e.time_stamp,
                       l.prev_hash, l.link_hash
                FROM event_chain_link l JOIN domain_event_entry e ON e.global_index = l.global_index
                WHERE l.global_index BETWEEN ? AND ? ORDER BY l.global_index""",
                (row, n) -> new ChainLinkView(
                        row.getLong(1),
                        row.getLong(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        HEX.formatHex(row.getBytes(7)),
                        HEX.formatHex(row.getBytes(8))),
                query.fromGlobalIndex(),
                query.toGlobalIndex()));
    }

    private static SignedHeadView head(ResultSet row, int n) throws SQLException {
        return new SignedHeadView(
                row.getLong("link_no"),
                HEX.formatHex(row.getBytes("head_hash")),
                row.getTimestamp("signed_at").toInstant(),
                row.getString("statement"),
                row.getString("algorithm"),
                row.getString("key_id"),
                Base64.getEncoder().encodeToString(row.getBytes("public_key")),
                Base64.getEncoder().encodeToString(row.getBytes("signature")),
                row.getString("signed_by"));
    }
}
