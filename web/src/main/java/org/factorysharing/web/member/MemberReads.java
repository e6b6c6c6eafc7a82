package org.factorysharing.web.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.member.MemberId;
import org.factorysharing.api.member.MemberQueries.FindMember;
import org.factorysharing.api.member.MemberQueries.FindMemberDocument;
import org.factorysharing.api.member.MemberQueries.FindMemberDocuments;
import org.factorysharing.api.member.MemberQueries.FindMemberOfAccount;
import org.factorysharing.api.member.MemberQueries.FindPersonalData;
import org.factorysharing.api.member.MemberQueries.MemberAccountView;
import org.factorysharing.api.member.MemberQueries.MemberDocumentContent;
import org.factorysharing.api.member.MemberQueries.MemberDocumentView;
import org.factorysharing.api.member.MemberQueries.MemberView;
import org.factorysharing.api.member.MemberQueries.PersonalDataView;
import org.factorysharing.api.shared.NotPermitted;
import org.factorysharing.web.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the member pages read, through the query gateway only, as the member API reads it. */
@Component
class MemberReads {

    private final QueryGateway queries;
    private final MessageSource messages;

    MemberReads(QueryGateway queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    /** The member a login acts for, as the member directory knows it (it follows a new link within moments). */
    Optional<String> memberOf(CurrentUser user) {
        return queries.query(
                        new FindMemberOfAccount(user.id()), ResponseTypes.optionalInstanceOf(MemberAccountView.class))
                .join()
                .map(MemberAccountView::memberId);
    }

    Optional<MemberView> member(String memberId) {
        return queries.query(new FindMember(new MemberId(memberId)), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join();
    }

    /** The owner's personal data, decrypted from the member's registration (or [forgotten]). */
    Optional<PersonalDataView> personalData(String memberId) {
        return queries.query(
                        new FindPersonalData(new MemberId(memberId)),
                        ResponseTypes.optionalInstanceOf(PersonalDataView.class))
                .join();
    }

    List<MemberDocumentView> documents(String memberId, CurrentUser user) {
        return queries.query(
                        new FindMemberDocuments(new MemberId(memberId), user.id(), user.groups()),
                        ResponseTypes.multipleInstancesOf(MemberDocumentView.class))
                .join();
    }

    Optional<MemberDocumentContent> document(String memberId, String documentId, CurrentUser user) {
        return queries.query(
                        new FindMemberDocument(new MemberId(memberId), documentId, user.id(), user.groups()),
                        ResponseTypes.optionalInstanceOf(MemberDocumentContent.class))
                .join();
    }

    /**
     * The member, its owner's personal data and its documents into the model (member, personal, documents); the
     * documents are left out, with documentsHidden, for those who may not read them (admins).
     */
    void fill(Model model, String memberId, CurrentUser user) {
        MemberView member = member(memberId).orElseThrow(() -> new org.factorysharing.api.shared.NotFound(memberId));
        model.addAttribute("member", member);
        model.addAttribute("personal", personalData(memberId).orElse(null));
        try {
            model.addAttribute("documents", documents(memberId, user));
            model.addAttribute("documentsHidden", false);
        } catch (RuntimeException refused) {
            if (Refusals.find(refused, NotPermitted.class).isEmpty()) {
                throw refused;
            }
            model.addAttribute("documents", List.of());
            model.addAttribute("documentsHidden", true);
        }
    }

    /** An enum's values with their labels in the page's language (enum.<Type>.<CONSTANT>), for a select. */
    <E extends Enum<E>> Map<String, String> labels(Class<E> type) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> options = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            options.put(
                    value.name(),
                    messages.getMessage(
                            "enum." + type.getSimpleName() + "." + value.name(), null, value.name(), locale));
        }
        return options;
    }

    String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
