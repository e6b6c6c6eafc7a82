package org.factorysharing.web.shared;

import java.util.List;
import org.factorysharing.api.shared.Groups;

/**
 * A link of the main navigation and of the home page, declared as a bean by the feature that owns the page:
 * {@code label} is a message key, {@code groups} the groups that see it (empty: every signed-in user). The group
 * factory-staff stands for the staff of any one factory too ({@code factory-<id>-staff}).
 */
public record NavigationItem(String label, String path, int order, List<String> groups) {

    public boolean visibleTo(List<String> userGroups) {
        return groups.isEmpty()
                || groups.stream().anyMatch(userGroups::contains)
                || groups.contains(Groups.FACTORY_STAFF)
                        && !Groups.factoriesStaffedBy(userGroups).isEmpty();
    }
}
