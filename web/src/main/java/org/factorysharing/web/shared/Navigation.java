package org.factorysharing.web.shared;

import java.util.Comparator;
import java.util.List;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The links a user sees, in order: every feature's {@link NavigationItem}s their groups may open. */
@Component("navigation")
public class Navigation {

    private final List<NavigationItem> items;

    Navigation(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    public List<NavigationItem> itemsFor(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        List<String> groups = CurrentUser.of(authentication).groups();
        return items.stream().filter(item -> item.visibleTo(groups)).toList();
    }
}
