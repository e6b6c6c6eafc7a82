package org.factorysharing.command.shared;

import java.util.List;
import org.factorysharing.api.shared.Groups;

/**
 * Who sends a command, from its metadata (see ActorMetaData): the command side decides from this and from facts it
 * owns, in the command's own transaction, whether the sender may. A command without a user is the system's.
 */
public record Acting(String userId, List<String> groups) {

    public static Acting of(String userId, List<String> groups) {
        return new Acting(userId, groups == null ? List.of() : groups);
    }

    /** A member's own login: it may act only for the member it is linked to. */
    public boolean onlyForOwnMember() {
        return userId != null && Groups.actsOnlyForOwnMember(groups);
    }
}
