package org.factorysharing.command.job;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.factorysharing.api.factory.FactoryEvent.FactoryProposed;
import org.factorysharing.api.job.JobCommands.JobRequestOutcome;
import org.factorysharing.api.job.JobCommands.RequestProductionJob;
import org.factorysharing.api.job.JobStatus;
import org.factorysharing.api.shared.ActorMetaData;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.command.member.AccountClaims;
import org.factorysharing.command.member.MemberEligibility;
import org.factorysharing.command.member.MemberEligibility.Refusal;
import org.factorysharing.command.shared.Acting;
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
    private final AccountClaims accounts;

    ProductionJobRequests(
            @Qualifier("productionJobRepository") Repository<ProductionJob> jobs,
            MemberEligibility eligibility,
            KnownAggregates known,
            AccountClaims accounts) {
        this.accounts = accounts;
        this.jobs = jobs;
        this.eligibility = eligibility;
        this.known = known;
    }

    @CommandHandler
    public JobRequestOutcome handle(
            RequestProductionJob cmd,
            @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @MetaDataValue(ActorMetaData.GROUPS) List<String> groups)
            throws Exception {
        ProductionJob.requireValid(cmd);
        Acting acting = Acting.of(userId, groups);
        if (acting.onlyForOwnMember()
                && !accounts.memberOf(acting.userId())
                        .map(cmd.memberId()::equals)
                        .orElse(false)) {
            throw new NotPermitted("a member's login books machine time only for its own member");
        }
        if (!known.startsWith(cmd.factoryId().value(), FactoryProposed.class)) {
            throw new AggregateNotFoundException(cmd.factoryId().value(), "no factory " + cmd.factoryId());
        }
        Optional<Refusal> refusal =
                eligibility.refusalFor(cmd.memberId(), cmd.machineType().strip(), Require.today());
        ProductionJob job =
                jobs.newInstance(() -> new ProductionJob(cmd, refusal)).invoke(j -> j);
        return refusal.map(r -> new JobRequestOutcome(JobStatus.REJECTED, r.rejection(), r.reason()))
                .orElseGet(() -> new JobRequestOutcome(job.status(), null, null));
    }
}
