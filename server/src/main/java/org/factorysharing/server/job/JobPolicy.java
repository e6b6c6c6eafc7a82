package org.factorysharing.server.job;

import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.of;

import java.util.List;
import org.factorysharing.api.job.JobQueries.FindJobs;
import org.factorysharing.api.job.JobQueries.JobView;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.server.member.MemberPolicy;
import org.factorysharing.server.security.AccessPolicy;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may use the job API and whose jobs a user sees: the whole programme for officers, supervisors, auditors and
 * admins; a member's login its own member's jobs; factory staff the jobs of the factories they staff. Requests and
 * cancellations for a member are checked again by the command side, on the claim table.
 */
@Component
class JobPolicy implements AccessPolicy {

    private final MemberPolicy members;

    JobPolicy(MemberPolicy members) {
        this.members = members;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/jobs", "/api/jobs/*/cancellation")
                .hasAnyAuthority(of(Groups.MEMBERS, Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers(HttpMethod.GET, "/api/jobs", "/api/jobs/**")
                .access(anyOfOrFactoryStaff(
                        Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.ADMINS, Groups.MEMBERS));
    }

    /**
     * Narrows the board to what the user may see: a member's login to its own member's jobs, factory staff to one of
     * their factories (named with factoryId when they staff several).
     */
    FindJobs visibleTo(CurrentUser user, FindJobs query) {
        if (user.seesEverything()) {
            return query;
        }
        if (user.isIn(Groups.MEMBERS)) {
            String own = members.memberOf(user)
                    .orElseThrow(() -> new NotPermitted("this login does not act for a member yet"));
            if (query.memberId() != null && !query.memberId().equals(own)) {
                throw new NotPermitted("a member's login sees only its own member's jobs");
            }
            return new FindJobs(query.factoryId(), own, query.status(), query.page(), query.size());
        }
        List<String> factories = user.staffedFactories();
        if (query.factoryId() != null) {
            if (!factories.contains(query.factoryId())) {
                throw new NotPermitted("factory staff see only the jobs of their own factories");
            }
            return query;
        }
        if (factories.size() != 1) {
            throw factories.isEmpty()
                    ? new NotPermitted("you are not on the staff of any factory")
                    : new InvalidField("factoryId", "is required: you are on the staff of several factories");
        }
        return new FindJobs(factories.get(0), query.memberId(), query.status(), query.page(), query.size());
    }

    /** Whether the user may see the job: someone else's job is answered like an unknown one. */
    boolean maySee(CurrentUser user, JobView job) {
        return user.seesEverything()
                || user.isIn(Groups.MEMBERS)
                        && members.memberOf(user).filter(job.memberId()::equals).isPresent()
                || user.staffedFactories().contains(job.factoryId());
    }
}
