package org.factorysharing.web.security;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user and groups, as the API, the pages and the queries need them. */
public record CurrentUser(String id, List<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Authorities.GROUP_PREFIX))
                .map(a -> a.substring(Authorities.GROUP_PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Officers, supervisors, auditors and admins see the whole programme. */
    public boolean seesEverything() {
        return Groups.seesEverything(groups);
    }

    /** A member's own login: it sees and acts only for the member it is linked to. */
    public boolean actsOnlyForOwnMember() {
        return Groups.actsOnlyForOwnMember(groups);
    }

    /** The factories whose own staff group the user is in. */
    public List<String> staffedFactories() {
        return Groups.factoriesStaffedBy(groups);
    }
}
