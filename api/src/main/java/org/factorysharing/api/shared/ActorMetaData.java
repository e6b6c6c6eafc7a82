package org.factorysharing.api.shared;

/**
 * Who sends a command, as every command carries it in its metadata (stamped at dispatch from the signed-in user):
 * the command side decides permissions from these and from facts it owns, in the command's own transaction.
 */
public final class ActorMetaData {

    /** The signed-in user's id; absent when the system acts (a bridge, a timer, start-up). */
    public static final String USER_ID = "userId";
    /** The user's groups, a list of group ids. */
    public static final String GROUPS = "groups";

    private ActorMetaData() {}
}
