package org.factorysharing.server.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.springframework.stereotype.Component;

/**
 * Whose data a user may see. Officers, supervisors, auditors and admins see the whole programme; a member's
 * login sees only its own member and jobs; factory staff only the jobs of the factories whose staff group they
 * are in. The API answers 404, not 403, for someone else's record: an id in a URL reveals nothing.
 */
@Component
public class Visibility {

    private static final Pattern STAFF_GROUP = Pattern.compile("factory-(.+)-staff");
    private static final List<String> PROGRAMME_WIDE = List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS,
            Groups.ADMINS);

    private final QueryGateway queries;

    Visibility(QueryGateway queries) {
        this.queries = queries;
    }

    public boolean seesEverything(CurrentUser user) {
        return PROGRAMME_WIDE.stream().anyMatch(user::isIn);
    }

    /** A member's own login (and nothing more): limited to that member's data. */
    public boolean actsForAMember(CurrentUser user) {
        return !seesEverything(user) && user.isIn(Groups.MEMBERS);
    }

    /** The member the login acts for (linked at self-registration or by an officer). */
    public Optional<String> memberOf(CurrentUser user) {
        return queries.query(new FindMemberOfAccount(user.id()), ResponseTypes.optionalInstanceOf(
                MemberAccountView.class)).join().map(MemberAccountView::memberId);
    }

    /** The factories whose own staff group the user is in. */
    public List<String> factoriesStaffedBy(CurrentUser user) {
        return user.groups().stream().map(STAFF_GROUP::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .toList();
    }

    /** Whether the user may see a record that belongs to this member and factory. */
    public boolean maySee(CurrentUser user, String memberId, String factoryId) {
        if (seesEverything(user)) {
            return true;
        }
        if (user.isIn(Groups.MEMBERS) && memberOf(user).filter(memberId::equals).isPresent()) {
            return true;
        }
        return factoryId != null && factoriesStaffedBy(user).contains(factoryId);
    }
}
