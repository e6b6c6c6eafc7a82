package org.factorysharing.web.security;

import java.util.Arrays;
import java.util.Set;
import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.api.shared.Groups;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Groups as Spring Security authorities ({@code GROUP_officers}), and the request rules the policies share. */
public final class Authorities {

    public static final String GROUP_PREFIX = "GROUP_";

    /** Officers, supervisors and admins: the programme's staff at the ministry. */
    public static final String[] STAFF = {Groups.OFFICERS, Groups.SUPERVISORS, Groups.ADMINS};
    /** Everyone who reads the whole programme. */
    public static final String[] READERS = {Groups.OFFICERS, Groups.SUPERVISORS, Groups.AUDITORS, Groups.ADMINS};

    private Authorities() {}

    public static String of(String group) {
        return GROUP_PREFIX + group;
    }

    public static String[] of(String... groups) {
        return Arrays.stream(groups).map(Authorities::of).toArray(String[]::new);
    }

    /**
     * Any of the groups, or factory staff: the general factory-staff group or the staff group of some factory. Which
     * factory's records they then see is the feature's own check.
     */
    public static AuthorizationManager<RequestAuthorizationContext> anyOfOrFactoryStaff(String... groups) {
        Set<String> allowed = Set.of(of(groups));
        return (authentication, context) -> new AuthorizationDecision(authentication.get().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> allowed.contains(authority) || isFactoryStaff(authority)));
    }

    /**
     * The groups, or the staff of the factory named in the path ({factoryId}): decided before the request body is
     * read, so another factory's staff get 403 whatever they send.
     */
    public static AuthorizationManager<RequestAuthorizationContext> anyOfOrStaffOfThatFactory(String... groups) {
        Set<String> allowed = Set.of(of(groups));
        return (authentication, context) -> {
            String ownStaff = of(new FactoryId(context.getVariables().get("factoryId")).staffGroup());
            return new AuthorizationDecision(authentication.get().getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(authority -> allowed.contains(authority) || authority.equals(ownStaff)));
        };
    }

    private static boolean isFactoryStaff(String authority) {
        return authority.equals(of(Groups.FACTORY_STAFF))
                || authority.startsWith(GROUP_PREFIX)
                        && Groups.factoryOfStaffGroup(authority.substring(GROUP_PREFIX.length())) != null;
    }
}
