package org.factorysharing.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.springframework.stereotype.Component;

/**
 * Deletes a member's data key, its entries in the blind index and the names and contents of its documents, when its personal data are forgotten. A
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
    private final MemberDocumentStore documents;

    PersonalDataShredder(PersonalDataKeys keys, BlindIndex index, MemberDocumentStore documents) {
        this.keys = keys;
        this.index = index;
        this.documents = documents;
    }

    @EventHandler
    void on(MemberPersonalDataForgotten event) {
        keys.forget(event.memberId().value());
        index.forget(event.memberId().value());
        documents.forget(event.memberId().value());
    }
}
