package org.factorysharing.server.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user and groups, as the API and the workflow engine need them. */
public record CurrentUser(String id, List<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_"))
                .map(a -> a.substring("GROUP_".length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
