package org.factorysharing.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.factorysharing.api.member.MemberEvent.MemberPersonalDataForgotten;
import org.springframework.stereotype.Component;

/**
 * Deletes a member's data key, its entries in the blind index and the names and contents of its documents, when its
 * personal data are forgotten. A subscribing processor (PrivacyProcessors): it runs while the forgetting command's unit of work commits, after the
 * event is appended and in the same transaction, so the event, the deleted key and the deleted index entries commit
 * together or not at all; a failure here fails the command. The forget is also appended to the {@link ErasureList}
 * (outside the database), so that a restore of an older backup forgets again.
 */
@Component
@ProcessingGroup(PersonalDataShredder.PROCESSING_GROUP)
class PersonalDataShredder {

    static final String PROCESSING_GROUP = "personal-data-shredder";

    private final PersonalDataKeys keys;
    private final BlindIndex index;
    private final MemberDocumentStore documents;
    private final ErasureList erasures;

    PersonalDataShredder(PersonalDataKeys keys, BlindIndex index, MemberDocumentStore documents, ErasureList erasures) {
        this.keys = keys;
        this.index = index;
        this.documents = documents;
        this.erasures = erasures;
    }

    /** The forget is on disk in the erasure list before its transaction commits (a failed write refuses it). */
    @EventHandler
    void on(MemberPersonalDataForgotten event, @MessageIdentifier String eventId) {
        keys.forget(event.memberId().value());
        index.forget(event.memberId().value());
        documents.forget(event.memberId().value());
        erasures.append(event.memberId().value(), eventId);
    }
}
