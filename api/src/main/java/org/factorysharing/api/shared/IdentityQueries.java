package org.factorysharing.api.shared;

import java.util.List;

/** Questions to the one identity store (users and their groups). */
public final class IdentityQueries {

    private IdentityQueries() {}

    /** A user by id, or nothing when unknown. */
    public record FindUser(String userId) {}

    /** Users by id, those that exist, in the order asked. */
    public record FindUsers(List<String> userIds) {}

    public record UserView(String userId, String firstName, String lastName, String email, List<String> groups) {}
}
