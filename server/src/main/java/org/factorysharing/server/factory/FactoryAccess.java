package org.factorysharing.server.factory;

import org.factorysharing.api.factory.FactoryId;
import org.factorysharing.server.security.CurrentUser;
import org.factorysharing.server.security.Groups;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may operate a factory's machines: officers and admins for every factory, everyone else only as a
 * member of that factory's own staff group ({@link FactoryId#staffGroup()}). The URL rules in
 * SecurityConfiguration let any staff group through; this is the check per factory.
 */
@Component
public class FactoryAccess {

    public boolean mayOperate(CurrentUser user, FactoryId factoryId) {
        return user.isIn(Groups.OFFICERS) || user.isIn(Groups.ADMINS) || user.isIn(factoryId.staffGroup());
    }

    /** Answered 403 by ProblemResponses. */
    public void requireMayOperate(CurrentUser user, FactoryId factoryId) {
        if (!mayOperate(user, factoryId)) {
            throw new AccessDeniedException("only officers, admins and the staff of factory " + factoryId
                    + " may do this");
        }
    }
}
