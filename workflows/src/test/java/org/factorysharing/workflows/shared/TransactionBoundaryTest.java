package org.factorysharing.workflows.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.factorysharing.api.member.MemberCommands.RegisterMember;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.shared.DuplicateEntity;
import org.factorysharing.testing.EventStoreProbe;
import org.factorysharing.testing.TestData;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The core reliability property: Axon and Camunda commit in one PostgreSQL transaction, and the NIB
 * claim commits with the registration event.
 */
@WorkflowTest
class TransactionBoundaryTest {

    private static final String PROBE = "transaction_probe";

    @Autowired
    CommandGateway commands;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    EventStoreProbe eventStore;

    @Test
    void aFailingStepAfterACommandLeavesNoEventAndNoProcessProgress() {
        MemberId memberId = registered();
        long eventsBefore = eventStore.eventCount();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                        PROBE, memberId.value(), Map.of("decidedBy", "officer", "fail", true)))
                .hasMessageContaining("step after the command failed");

        assertThat(eventStore.eventCount()).isEqualTo(eventsBefore);
        assertThat(eventStore.eventTypesOf(memberId.value())).containsExactly("MemberRegistered");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PROBE)
                        .processInstanceBusinessKey(memberId.value())
                        .count())
                .isZero();
    }

    @Test
    void aSucceedingStepCommitsTheEventAndTheProcessStepTogether() {
        MemberId memberId = registered();

        runtime.startProcessInstanceByKey(PROBE, memberId.value(), Map.of("decidedBy", "officer", "fail", false));

        assertThat(eventStore.eventTypesOf(memberId.value())).containsExactly("MemberRegistered", "MemberVerified");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROBE)
                        .processInstanceBusinessKey(memberId.value())
                        .count())
                .isOne();
    }

    @Test
    void aRejectedRegistrationReleasesItsNibClaim() {
        String nib = TestData.nib();
        RegisterMember valid = TestData.registerMember(MemberId.newId(), nib);
        RegisterMember badNik = new RegisterMember(
                MemberId.newId(),
                nib,
                valid.businessName(),
                valid.ownerName(),
                "123",
                valid.sector(),
                valid.province(),
                valid.regency(),
                valid.scale(),
                null,
                null,
                null);

        assertThatThrownBy(() -> commands.sendAndWait(badNik)).isInstanceOf(IllegalArgumentException.class);
        assertThat(eventStore.nibClaims(nib)).isZero();

        commands.sendAndWait(valid);
        assertThat(eventStore.nibClaims(nib)).isOne();
    }

    @Test
    void concurrentRegistrationsOfOneNibLeaveExactlyOneMember() throws Exception {
        String nib = TestData.nib();
        int clients = 16;
        long eventsBefore = eventStore.eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<String> register = () -> {
                    start.await();
                    try {
                        commands.sendAndWait(TestData.registerMember(MemberId.newId(), nib));
                        return "registered";
                    } catch (DuplicateEntity duplicate) {
                        return "duplicate";
                    }
                };
                outcomes.add(pool.submit(register));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results)
                    .containsOnlyOnce("registered")
                    .hasSize(clients)
                    .filteredOn("duplicate"::equals)
                    .hasSize(clients - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventStore.eventCount() - eventsBefore).isOne();
        assertThat(eventStore.nibClaims(nib)).isOne();
    }

    private MemberId registered() {
        MemberId memberId = MemberId.newId();
        commands.sendAndWait(TestData.registerMember(memberId, TestData.nib()));
        return memberId;
    }
}
