package org.factorysharing.server.member;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.STAFF;
import static org.factorysharing.web.security.Authorities.of;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.server.security.AccessPolicy;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may use the member API, and whose members a user sees: the whole programme for officers, supervisors,
 * auditors and admins; a member's login only its own member (others answer 404, like unknown ids). Whether a
 * command may be sent for a member is decided by the command side, on facts it owns.
 */
@Component
public class MemberPolicy implements AccessPolicy {

    private final QueryGateway queries;

    MemberPolicy(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/members")
                .hasAnyAuthority(of(Groups.MEMBERS, Groups.OFFICERS, Groups.ADMINS))
                // the application's documents and sending it back: the applicant, or an officer for it (the command
                // side checks that a member's login acts for that member)
                .requestMatchers(HttpMethod.POST, "/api/members/*/documents", "/api/members/*/resubmission")
                .hasAnyAuthority(of(Groups.MEMBERS, Groups.OFFICERS))
                // documents are read by officers, supervisors, auditors and the member itself, never by admins
                .requestMatchers(HttpMethod.GET, "/api/members/*/documents", "/api/members/*/documents/*")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.MEMBERS))
                // a member's login may read its own member (404 for others)
                .requestMatchers(HttpMethod.GET, "/api/members/*")
                .hasAnyAuthority(
                        of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.ADMINS, Groups.MEMBERS))
                .requestMatchers(HttpMethod.GET, "/api/members", "/api/members/**")
                .hasAnyAuthority(of(READERS))
                // the right to erasure: staff, and a member's login for its own member (the command side checks)
                .requestMatchers(HttpMethod.DELETE, "/api/members/*/personal-data")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.ADMINS, Groups.MEMBERS))
                .requestMatchers("/api/members/**")
                .hasAnyAuthority(of(STAFF));
    }

    /** The member a login acts for, as the member directory knows it (it follows a link within moments). */
    public Optional<String> memberOf(CurrentUser user) {
        return queries.query(
                        new FindMemberOfAccount(user.id()), ResponseTypes.optionalInstanceOf(MemberAccountView.class))
                .join()
                .map(MemberAccountView::memberId);
    }

    /** Whether the user may see this member's data. */
    public boolean maySee(CurrentUser user, String memberId) {
        return user.seesEverything()
                || user.isIn(Groups.MEMBERS)
                        && memberOf(user).filter(memberId::equals).isPresent();
    }
}
