package org.factorysharing.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.factorysharing.api.member.BusinessScale;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.systemtests.Http;
import org.factorysharing.systemtests.Http.Reply;
import org.factorysharing.systemtests.ServerTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No NIK, name, phone number or e-mail address reaches a log line, whatever happens to the request that carries them:
 * accepted, refused as a duplicate, refused for invalid fields, malformed, or failing in an event handler. Every line
 * the server logs while the test runs (every logger, every thread, with its exception, its arguments and its MDC) is
 * captured and searched for the values.
 */
@ServerTest
class NoPersonalDataInLogsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final Capture capture = new Capture();
    private final List<String> personalData = new ArrayList<>();

    @BeforeEach
    void captureEveryLogLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(context);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void personalDataNeverReachesALogLineEvenInErrors() {
        Http officer = Http.as(port, "officer", TestData.PASSWORD);
        String nib = TestData.nib();

        // accepted, then read back (decrypted for the officer)
        Reply accepted = officer.post("/api/members", registration(nib, owner()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        String memberId = accepted.json().get("memberId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> officer.get("/api/members/" + memberId).status() == 200);
        officer.get("/api/members/" + memberId);

        // refused by the command side: the NIB is taken
        Reply duplicate = officer.post("/api/members", registration(nib, owner()));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);

        // refused at the door: invalid NIK, phone and e-mail
        Owner invalid = owner();
        Owner invalidFields =
                new Owner(invalid.name(), "12345" + digits(6), "call " + digits(9), "x@@" + invalid.email());
        personalData.addAll(List.of(invalidFields.nik(), invalidFields.phone()));
        Reply badFields = officer.post("/api/members", registration(TestData.nib(), invalidFields));
        assertThat(badFields.status()).as(badFields.toString()).isEqualTo(400);

        // malformed JSON around personal data
        Owner malformed = owner();
        Reply broken = officer.post(
                "/api/members",
                "{\"nib\":\"" + TestData.nib() + "\",\"ownerName\":\"" + malformed.name() + "\",\"ownerNik\":"
                        + malformed.nik() + ",\"contactEmail\":{\"x\":\"" + malformed.email() + "\"");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        Reply wrongType = officer.post(
                "/api/members",
                "{\"nib\":\"" + TestData.nib() + "\",\"ownerName\":[\"" + malformed.name() + "\"],\"ownerNik\":"
                        + malformed.nik() + ",\"contactPhone\":\"" + malformed.phone() + "\"}");
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);

        // a handler fails on an event carrying personal data: the directory refuses its 14-character NIB
        Owner poisoned = owner();
        MemberId poisonedId = MemberId.newId();
        transactions.executeWithoutResult(tx -> eventStore.publish(new GenericDomainEventMessage<>(
                "Member",
                poisonedId.value(),
                0,
                new MemberRegistered(
                        poisonedId,
                        nib + "9",
                        "Kopi Gayo " + nib,
                        poisoned.name(),
                        poisoned.nik(),
                        "coffee",
                        "Aceh",
                        "Aceh Tengah",
                        BusinessScale.MICRO,
                        poisoned.phone(),
                        poisoned.email()))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM dead_letter_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                poisonedId.value())
                        > 0);

        // forgotten, then read again
        Reply forgotten = officer.delete("/api/members/" + memberId + "/personal-data", "{\"reason\":\"request\"}");
        assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(204);

        List<String> lines = capture.lines();
        assertThat(lines).as("the capture saw the server's lines").isNotEmpty();
        assertThat(lines).as("the failures were logged").anyMatch(line -> line.startsWith("WARN"));
        for (String value : personalData) {
            assertThat(lines).as("no log line contains " + value).noneMatch(line -> line.contains(value));
        }
    }

    private record Owner(String name, String nik, String phone, String email) {}

    /** Distinct values per run, so that a match can only come from this test's requests. */
    private Owner owner() {
        String tag = digits(8);
        Owner owner = new Owner(
                "Ratna Kusumawardani" + tag,
                "3172" + digits(12),
                "+62 812 " + digits(4) + " " + digits(4),
                "ratna." + tag + "@contoh.id");
        personalData.addAll(List.of(owner.name(), owner.nik(), owner.phone(), owner.email()));
        return owner;
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static String registration(String nib, Owner owner) {
        return """
                {"nib":"%s","businessName":"Mebel Sragen %s","ownerName":"%s","ownerNik":"%s",
                 "sector":"furniture","province":"Jawa Tengah","regency":"Sragen","scale":"SMALL",
                 "contactPhone":"%s","contactEmail":"%s"}""".formatted(nib, nib, owner.name(), owner.nik(), owner.phone(), owner.email());
    }

    /** Every event as text: message, arguments, exception with causes and stack, MDC and logger. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = new ArrayList<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(' ')
                    .append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
                line.append(" | ").append(entry.getKey()).append('=').append(entry.getValue());
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
