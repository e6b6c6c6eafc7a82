package org.factorysharing.web.shared;

import java.util.List;

/**
 * A link of the main navigation and of the home page, declared as a bean by the feature that owns the page:
 * {@code label} is a message key, {@code groups} the groups that see it (empty: every signed-in user).
 */
public record NavigationItem(String label, String path, int order, List<String> groups) {

    public boolean visibleTo(List<String> userGroups) {
        return groups.isEmpty() || groups.stream().anyMatch(userGroups::contains);
    }
}
