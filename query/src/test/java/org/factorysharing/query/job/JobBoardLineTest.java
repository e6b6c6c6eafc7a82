package org.factorysharing.query.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.factory.ReservationRejection;
import org.factorysharing.api.job.JobEvent.ProductionJobRejected;
import org.factorysharing.api.job.JobEvent.ProductionJobRequestRefused;
import org.factorysharing.api.job.JobEvent.ProductionJobRequested;
import org.factorysharing.api.job.JobId;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobPage;
import org.factorysharing.api.job.JobQueries.JobSummaryView;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.query.QueryTest;
import org.factorysharing.testing.EventFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A line of the job board says why a job was turned down, so a member's list shows it without opening the job. */
@QueryTest
class JobBoardLineTest {

    private static final String PRESS = "COCONUT_OIL_PRESS";
    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Autowired
    EventFeed feed;

    @Autowired
    QueryGateway queries;

    @BeforeEach
    void pauseWorkflowBridges() {
        feed.pauseWorkflowBridges();
    }

    @AfterEach
    void resumeWorkflowBridgesAfterTheseFacts() {
        feed.resumeWorkflowBridgesAtHead();
    }

    @Test
    void aRefusedOrRejectedJobsLineCarriesTheReasonAndAnOpenJobsNone() {
        MemberId member = MemberId.newId();
        FactoryId factory = FactoryId.newId();
        JobId refused = JobId.newId();
        JobId rejected = JobId.newId();
        JobId open = JobId.newId();
        feed.aggregate("ProductionJob", refused.value())
                .publish(
                        at(1),
                        new ProductionJobRequestRefused(
                                refused,
                                member,
                                factory,
                                PRESS,
                                "Minyak",
                                10,
                                2,
                                DAY,
                                DAY.plusDays(2),
                                "umkm",
                                ReservationRejection.NOT_QUALIFIED,
                                "no qualification"));
        EventFeed.Aggregate second = feed.aggregate("ProductionJob", rejected.value());
        second.publish(at(2), requested(rejected, member, factory));
        second.publish(at(3), new ProductionJobRejected(rejected, ReservationRejection.NO_CAPACITY, "not enough"));
        feed.aggregate("ProductionJob", open.value()).publish(at(4), requested(open, member, factory));
        feed.awaitCaughtUp("job-board");

        JobPage page = queries.query(new FindJobs(null, member.value(), null, 0, 10), JobPage.class)
                .join();

        assertThat(page.items())
                .extracting(JobSummaryView::jobId, JobSummaryView::status, JobSummaryView::rejection)
                .containsExactly(
                        tuple(open.value(), JobStatus.REQUESTED, null),
                        tuple(rejected.value(), JobStatus.REJECTED, ReservationRejection.NO_CAPACITY),
                        tuple(refused.value(), JobStatus.REJECTED, ReservationRejection.NOT_QUALIFIED));
    }

    private static ProductionJobRequested requested(JobId job, MemberId member, FactoryId factory) {
        return new ProductionJobRequested(job, member, factory, PRESS, "Minyak", 10, 2, DAY, DAY.plusDays(2), "umkm");
    }

    private static Instant at(int minute) {
        return Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * minute);
    }
}
