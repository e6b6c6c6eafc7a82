package org.factorysharing.server.engine;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The Camunda webapps and engine REST for a user signed in through the OIDC issuer: the groups are the token's (the
 * issuer is their source); the user gets a record without password in Camunda's identity store, which the webapps
 * need, with its memberships made equal to the token's groups. A user of the built-in identity store is handled
 * exactly as before: Camunda reads the groups from its own store.
 */
public class SingleSignOnGroups extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (result.isAuthenticated()
                && (user instanceof OAuth2AuthenticationToken || user instanceof JwtAuthenticationToken)) {
            List<String> groups = CurrentUser.of(user).groups();
            knownToTheEngine(engine, result.getAuthenticatedUser(), groups);
            result.setGroups(groups);
        }
        return result;
    }

    /**
     * The webapps accept only a user their identity store knows, and re-read its groups from there (every few
     * minutes, and for Tasklist's group tasks): a user of the issuer gets a record there, with no password (it cannot
     * sign in with one), and memberships made equal to the token's groups (those that exist) at each sign-in.
     */
    private static void knownToTheEngine(ProcessEngine engine, String userId, List<String> groups) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            try {
                User user = identity.newUser(userId);
                user.setLastName(userId);
                identity.saveUser(user);
            } catch (RuntimeException concurrentFirstVisit) {
                if (identity.createUserQuery().userId(userId).count() == 0) {
                    throw concurrentFirstVisit;
                }
            }
        }
        Set<String> current = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        for (String group : groups) {
            if (!current.contains(group)
                    && identity.createGroupQuery().groupId(group).count() > 0) {
                identity.createMembership(userId, group);
            }
        }
        for (String group : current) {
            if (!groups.contains(group)) {
                identity.deleteMembership(userId, group);
            }
        }
    }
}
