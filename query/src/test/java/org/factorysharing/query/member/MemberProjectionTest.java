package org.factorysharing.query.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.MemberCommands.ExpireInformationRequest;
import org.factorysharing.api.member.MemberCommands.GrantQualification;
import org.factorysharing.api.member.MemberCommands.RequestMemberInformation;
import org.factorysharing.api.member.MemberCommands.SuspendMember;
import org.factorysharing.api.member.MemberCommands.VerifyMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMember;
import org.factorysharing.api.member.MemberQueries.InformationRequestState;
import org.factorysharing.api.member.MemberQueries.MemberView;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The member projection on PostgreSQL: replayable to the same rows, and poison events are parked. */
@QueryTest
class MemberProjectionTest {

    private static final String GROUP = "member-directory";

    @Autowired
    org.factorysharing.testing.EventFeed feed;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replayRebuildsTheDirectoryRowForRow() {
        MemberId verified = registered();
        commands.sendAndWait(new VerifyMember(verified, "officer"));
        commands.sendAndWait(
                new GrantQualification(verified, "CNC_ROUTER", LocalDate.now().plusYears(1), "officer"));
        commands.sendAndWait(
                new GrantQualification(verified, "CNC_ROUTER", LocalDate.now().plusYears(2), "officer"));
        MemberId suspended = registered();
        commands.sendAndWait(new VerifyMember(suspended, "officer"));
        commands.sendAndWait(new SuspendMember(suspended, "unpaid fees", "supervisor"));
        MemberId asked = registered();
        commands.sendAndWait(new RequestMemberInformation(asked, "Unggah KTP yang lebih jelas.", "officer"));
        commands.sendAndWait(new ExpireInformationRequest(asked));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statusOf(suspended).equals("SUSPENDED")
                        && qualificationsOf(verified) == 1
                        && "EXPIRED".equals(informationStateOf(asked)));
        List<Map<String, Object>> directoryBefore = directory();
        List<Map<String, Object>> qualificationsBefore = qualifications();

        StreamingEventProcessor processor =
                processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        feed.stop(processor);
        processor.resetTokens();
        processor.start();
        // caught up with the store rather than "no longer replaying" (that flag can outlast the replay)
        feed.awaitCaughtUp(GROUP);

        assertThat(directory()).isEqualTo(directoryBefore);
        assertThat(qualifications()).isEqualTo(qualificationsBefore);
    }

    @Test
    void aPoisonEventIsDeadLetteredAndLaterEventsStillArrive() {
        String ghost = "ghost-" + UUID.randomUUID();
        // an event for a member the directory never saw registered: its handler cannot apply it
        jdbc.update(
                """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Member', ?, 'org.factorysharing.api.member.MemberEvent$MemberVerified', '1',
                    convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""",
                UUID.randomUUID().toString(),
                ghost,
                java.time.Instant.now().toString(),
                "{\"memberId\":{\"value\":\"" + ghost + "\"},\"verifiedBy\":\"nobody\"}");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND aggregate_identifier = ?",
                                Long.class,
                                GROUP,
                                ghost)
                        == 1);
        MemberId after = registered();
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(after).equals("APPLIED"));
    }

    @Test
    void theLastRequestForMoreIsShownWithItsNoteUntilItCloses() {
        MemberId asked = registered();
        commands.sendAndWait(new RequestMemberInformation(asked, "Unggah KTP yang lebih jelas.", "officer"));

        MemberView open = await().atMost(Duration.ofSeconds(30))
                .until(() -> member(asked), view -> view != null && view.informationRequest() != null);
        assertThat(open.awaitingInformation()).isTrue();
        assertThat(open.informationRequest().note()).isEqualTo("Unggah KTP yang lebih jelas.");
        assertThat(open.informationRequest().requestedBy()).isEqualTo("officer");
        assertThat(open.informationRequest().closedAt()).isNull();

        commands.sendAndWait(new ExpireInformationRequest(asked));
        MemberView expired = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> member(asked),
                        view -> view.informationRequest().state() == InformationRequestState.EXPIRED);
        assertThat(expired.awaitingInformation()).isFalse();
        assertThat(expired.informationRequest().note()).isEqualTo("Unggah KTP yang lebih jelas.");
        assertThat(expired.informationRequest().closedAt()).isNotNull();
        assertThat(member(registered()))
                .satisfiesAnyOf(
                        view -> assertThat(view).isNull(),
                        view -> assertThat(view.informationRequest()).isNull());
    }

    private MemberView member(MemberId memberId) {
        return queries.query(new FindMember(memberId), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join()
                .orElse(null);
    }

    private String informationStateOf(MemberId memberId) {
        return jdbc
                .queryForList(
                        "SELECT information_state FROM member_directory WHERE member_id = ?",
                        String.class,
                        memberId.value())
                .stream()
                .findFirst()
                .orElse("");
    }

    private MemberId registered() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        return memberId;
    }

    private String statusOf(MemberId memberId) {
        return jdbc
                .queryForList("SELECT status FROM member_directory WHERE member_id = ?", String.class, memberId.value())
                .stream()
                .findFirst()
                .orElse("");
    }

    private long qualificationsOf(MemberId memberId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM member_qualification WHERE member_id = ?", Long.class, memberId.value());
    }

    private List<Map<String, Object>> directory() {
        return jdbc.queryForList("SELECT * FROM member_directory ORDER BY member_id");
    }

    private List<Map<String, Object>> qualifications() {
        return jdbc.queryForList("SELECT * FROM member_qualification ORDER BY member_id, machine_type");
    }
}
