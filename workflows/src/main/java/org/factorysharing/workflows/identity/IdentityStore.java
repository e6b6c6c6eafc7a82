package org.factorysharing.workflows.identity;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.shared.IdentityQueries.FindUser;
import org.factorysharing.api.shared.IdentityQueries.FindUsers;
import org.factorysharing.api.shared.IdentityQueries.UserView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one identity store (Camunda's users, groups and memberships), as the rest of the server needs it: checking a
 * password, a user's groups, and the users asked about by id. The engine stays behind this class.
 */
@Component
public class IdentityStore {

    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    IdentityStore(IdentityService identity, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /**
     * True when the user exists and the password is theirs. It counts nothing and delays nothing (throttling is the
     * caller's, by client address and user); a successful check may store a new hash of the password (see
     * PasswordHashing). This costs one bcrypt check (about 0.2 s of CPU at cost 12): callers keep it off paths that
     * repeat it for every request.
     */
    public boolean checkPassword(String userId, String password) {
        try {
            return identity.checkPassword(userId, password);
        } catch (OptimisticLockingException e) {
            // two logins re-hashed the same old hash at once (or an admin edited the user): the other one won, so
            // the stored hash is new now and the second check only reads
            return identity.checkPassword(userId, password);
        }
    }

    public List<String> groupsOf(String userId) {
        // read for every request: one statement on its own, instead of an engine command in a transaction of its
        // own (begin, query, commit: three round trips, and the engine's query machinery). A membership row exists
        // only for an existing user and group (foreign keys), so it says all that the engine's group query says.
        return jdbc.queryForList(
                "SELECT group_id_ FROM act_id_membership WHERE user_id_ = ? ORDER BY group_id_", String.class, userId);
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
