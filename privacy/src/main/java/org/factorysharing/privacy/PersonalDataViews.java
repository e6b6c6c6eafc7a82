package org.factorysharing.privacy;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.factorysharing.api.member.MemberEvent.MemberRegistered;
import org.factorysharing.api.member.MemberQueries.FindMembersByPersonalData;
import org.factorysharing.api.member.MemberQueries.FindPersonalData;
import org.factorysharing.api.member.MemberQueries.MemberIds;
import org.factorysharing.api.member.MemberQueries.PersonalDataView;
import org.factorysharing.api.member.MemberQueries.PersonalField;
import org.factorysharing.api.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Personal data are shown, and searched, without a copy in clear anywhere: the owner's name, NIK and contacts are
 * read from the member's registration event (the event serializer decrypts them with the member's key, or gives
 * [forgotten]), and the search goes through the blind index, which this processing group keeps (replayable: after
 * a forget its entries are gone and a replay does not bring them back, the registration reading as forgotten).
 */
@Component
@ProcessingGroup(PersonalDataViews.PROCESSING_GROUP)
class PersonalDataViews {

    static final String PROCESSING_GROUP = "personal-data-index";

    private final EventStore events;
    private final BlindIndex index;

    PersonalDataViews(EventStore events, BlindIndex index) {
        this.events = events;
        this.index = index;
    }

    @QueryHandler
    Optional<PersonalDataView> personalData(FindPersonalData query) {
        DomainEventStream stream = events.readEvents(query.memberId().value(), 0);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof MemberRegistered registered)) {
            return Optional.empty();
        }
        return Optional.of(new PersonalDataView(
                registered.ownerName(),
                mask(registered.ownerNik()),
                registered.contactPhone(),
                registered.contactEmail()));
    }

    @QueryHandler
    MemberIds members(FindMembersByPersonalData query) {
        return new MemberIds(index.subjectsWith(query.field(), query.value()));
    }

    @EventHandler
    void on(MemberRegistered event) {
        String member = event.memberId().value();
        if (!PersonalData.FORGOTTEN.equals(event.ownerNik())) {
            index.record(member, PersonalField.NIK, event.ownerNik());
        }
        if (event.contactPhone() != null && !PersonalData.FORGOTTEN.equals(event.contactPhone())) {
            index.record(member, PersonalField.PHONE, event.contactPhone());
        }
        if (event.contactEmail() != null && !PersonalData.FORGOTTEN.equals(event.contactEmail())) {
            index.record(member, PersonalField.EMAIL, event.contactEmail());
        }
    }

    @ResetHandler
    void reset() {
        index.clear();
    }

    /** Keeps the last four digits, enough for an officer to match a document. */
    static String mask(String nik) {
        if (nik == null || PersonalData.FORGOTTEN.equals(nik)) {
            return nik;
        }
        if (nik.length() <= 4) {
            return "****";
        }
        return "*".repeat(nik.length() - 4) + nik.substring(nik.length() - 4);
    }
}
