package org.factorysharing.workflows.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.workflows.WorkflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A user's groups as the identity store reads them for every request, against what the engine's own query says. */
@WorkflowTest
class IdentityStoreTest {

    @Autowired
    IdentityStore store;

    @Autowired
    IdentityService identity;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String user = "user-" + suffix;
    private final String other = "other-" + suffix;
    private final String staff = "staff-" + suffix;
    private final String officers = "officers-" + suffix;

    @AfterEach
    void removeThem() {
        for (String id : new String[] {user, other}) {
            identity.deleteUser(id);
        }
        for (String id : new String[] {staff, officers}) {
            identity.deleteGroup(id);
        }
    }

    @Test
    void givenMembershipsWhenTheyChangeThenTheGroupsAreTheEnginesAtOnce() {
        newUser(user);
        newUser(other);
        newGroup(staff);
        newGroup(officers);
        identity.createMembership(user, staff);
        identity.createMembership(user, officers);
        identity.createMembership(other, staff);

        assertThat(store.groupsOf(user)).containsExactly(officers, staff).isEqualTo(enginesGroupsOf(user));
        assertThat(store.groupsOf(other)).containsExactly(staff);

        identity.deleteMembership(user, officers);
        assertThat(store.groupsOf(user)).containsExactly(staff).isEqualTo(enginesGroupsOf(user));

        identity.deleteGroup(staff);
        assertThat(store.groupsOf(user)).isEmpty();
        assertThat(store.groupsOf(other)).isEmpty();
    }

    @Test
    void givenAnUnknownOrDeletedUserThenThereAreNoGroups() {
        newUser(user);
        newGroup(staff);
        identity.createMembership(user, staff);

        identity.deleteUser(user);

        assertThat(store.groupsOf(user)).isEqualTo(enginesGroupsOf(user)).isEmpty();
        assertThat(store.groupsOf("nobody-" + suffix)).isEmpty();
    }

    private List<String> enginesGroupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId)
                .toList();
    }

    private void newUser(String id) {
        User created = identity.newUser(id);
        created.setPassword("not-used-" + suffix);
        identity.saveUser(created);
    }

    private void newGroup(String id) {
        Group created = identity.newGroup(id);
        created.setName(id);
        identity.saveGroup(created);
    }
}
