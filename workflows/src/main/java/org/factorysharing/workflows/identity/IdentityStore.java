package org.factorysharing.workflows.identity;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.shared.IdentityQueries.FindUser;
import org.factorysharing.api.shared.IdentityQueries.FindUsers;
import org.factorysharing.api.shared.IdentityQueries.UserView;
import org.springframework.stereotype.Component;

/**
 * The one identity store (Camunda's users, groups and memberships), as the rest of the server needs it: checking a
 * password, a user's groups, and the users asked about by id. The engine stays behind this class.
 */
@Component
public class IdentityStore {

    private final IdentityService identity;

    IdentityStore(IdentityService identity) {
        this.identity = identity;
    }

    /** True when the user exists and the password is theirs (Camunda also counts and delays failed attempts). */
    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    @QueryHandler
    Optional<UserView> user(FindUser query) {
        return Optional.ofNullable(
                        identity.createUserQuery().userId(query.userId()).singleResult())
                .map(this::view);
    }

    @QueryHandler
    List<UserView> users(FindUsers query) {
        return query.userIds().stream()
                .map(id -> identity.createUserQuery().userId(id).singleResult())
                .filter(user -> user != null)
                .map(this::view)
                .toList();
    }

    private UserView view(User user) {
        return new UserView(
                user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), groupsOf(user.getId()));
    }
}
