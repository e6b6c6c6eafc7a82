package org.factorysharing.command.job;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.command.member.MemberEligibility;
import org.factorysharing.command.member.MemberEligibility.Refusal;
import org.factorysharing.command.shared.KnownAggregates;
import org.factorysharing.command.shared.Require;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Takes a member's job request: checks the member on its own aggregate, then creates the job, requested
 * or refused with the reason. Capacity is reserved afterwards by the production_job process.
 */
@Component
class ProductionJobRequests {

    private final Repository<ProductionJob> jobs;
    private final MemberEligibility eligibility;
    private final KnownAggregates known;

    ProductionJobRequests(@Qualifier("productionJobRepository") Repository<ProductionJob> jobs,
                          MemberEligibility eligibility, KnownAggregates known) {
        this.jobs = jobs;
        this.eligibility = eligibility;
        this.known = known;
    }

    @CommandHandler
    public JobRequestOutcome handle(RequestProductionJob cmd) throws Exception {
        ProductionJob.requireValid(cmd);
        if (!known.startsWith(cmd.factoryId().value(), FactoryProposed.class)) {
            throw new AggregateNotFoundException(cmd.factoryId().value(), "no factory " + cmd.factoryId());
        }
        Optional<Refusal> refusal = eligibility.refusalFor(cmd.memberId(), cmd.machineType().strip(), Require.today());
        ProductionJob job = jobs.newInstance(() -> new ProductionJob(cmd, refusal)).invoke(j -> j);
        return refusal.map(r -> new JobRequestOutcome(JobStatus.REJECTED, r.rejection(), r.reason()))
                .orElseGet(() -> new JobRequestOutcome(job.status(), null, null));
    }
}
