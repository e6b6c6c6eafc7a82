package org.factorysharing.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key table on PostgreSQL: a first write creates and stores the subject's key in one statement, later writes get
 * the same key, a forgotten subject gets none and no new one, and a first use that races another one keeps the
 * other's key.
 */
class PersonalDataKeysTest {

    @TempDir
    static Path dataDirectory;

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static PersonalDataKeys keys;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        byte[] master = new byte[32];
        master[0] = 7;
        keys = new PersonalDataKeys(dataSource, Base64.getEncoder().encodeToString(master));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void givenANewSubjectWhenWrittenThenItsKeyIsCreatedStoredAndKept() {
        String subject = UUID.randomUUID().toString();

        SecretKey first = keys.keyForWriting(subject);

        assertThat(first).isNotNull();
        assertThat(keys.lookup(subject)).isEqualTo(new SubjectKeys.Lookup(first, false));
        assertThat(keys.keyForWriting(subject)).as("a later write").isEqualTo(first);
        assertThat(rowsOf(subject)).isEqualTo(1);
    }

    @Test
    void givenAForgottenSubjectWhenWrittenThenThereIsNoKeyAndNoneIsCreated() {
        String subject = UUID.randomUUID().toString();
        keys.keyForWriting(subject);
        keys.forget(subject);

        assertThat(keys.keyForWriting(subject)).isNull();
        assertThat(keys.lookup(subject)).isEqualTo(new SubjectKeys.Lookup(null, true));

        String neverWritten = UUID.randomUUID().toString();
        keys.forget(neverWritten);
        assertThat(keys.keyForWriting(neverWritten)).isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND data_key IS NULL",
                        Integer.class,
                        neverWritten))
                .isEqualTo(1);
    }

    @Test
    void givenTwoFirstUsesAtOnceWhenTheOtherCommitsFirstThenBothUseItsKey() throws Exception {
        String subject = UUID.randomUUID().toString();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CompletableFuture<SecretKey> others = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<SecretKey> mine = new CompletableFuture<>();

        Thread other = new Thread(() -> transaction.executeWithoutResult(status -> {
            others.complete(keys.keyForWriting(subject));
            commit.join();
        }));
        other.start();
        others.get(10, TimeUnit.SECONDS);
        Thread me = new Thread(() -> mine.complete(transaction.execute(status -> keys.keyForWriting(subject))));
        me.start();
        // mine waits on the other transaction's uncommitted key row
        Thread.sleep(300);
        assertThat(mine).isNotDone();
        commit.complete(null);
        other.join(10_000);

        assertThat(mine.get(10, TimeUnit.SECONDS))
                .isEqualTo(others.get())
                .isEqualTo(keys.lookup(subject).key());
        assertThat(rowsOf(subject)).isEqualTo(1);
    }

    private static int rowsOf(String subject) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_key WHERE subject_id = ?", Integer.class, subject);
    }
}
