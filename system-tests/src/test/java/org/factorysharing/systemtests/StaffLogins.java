package org.factorysharing.systemtests;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.testing.TestData;
import org.springframework.stereotype.Component;

/**
 * Fresh logins of the factory-staff group for tests: the demo user "staff" collects factories over a test run, so a
 * test that looks at a staff member's own factories gets a crew member of its own (password TestData.PASSWORD).
 */
@Component
public class StaffLogins {

    private final IdentityService identity;

    public StaffLogins(IdentityService identity) {
        this.identity = identity;
    }

    /** A new user in the factory-staff group, on the staff of no factory yet. */
    public String newCrew() {
        String userId = "crew-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setPassword(TestData.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, Groups.FACTORY_STAFF);
        return userId;
    }
}
