package org.factorysharing.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.springframework.stereotype.Component;

/**
 * Deletes a member's data key, and its entries in the blind index, when its personal data are forgotten. A
 * subscribing processor (PrivacyProcessors): it runs while the forgetting command's unit of work commits, after the
 * event is appended and in the same transaction, so the event, the deleted key and the deleted index entries commit
 * together or not at all; a failure here fails the command.
 */
@Component
@ProcessingGroup(PersonalDataShredder.PROCESSING_GROUP)
class PersonalDataShredder {

    static final String PROCESSING_GROUP = "personal-data-shredder";

    private final PersonalDataKeys keys;
    private final BlindIndex index;

    PersonalDataShredder(PersonalDataKeys keys, BlindIndex index) {
        this.keys = keys;
        this.index = index;
    }

    @EventHandler
    void on(MemberPersonalDataForgotten event) {
        keys.forget(event.memberId().value());
        index.forget(event.memberId().value());
    }
}
