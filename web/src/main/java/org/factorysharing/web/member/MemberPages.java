package org.factorysharing.web.member;

import static org.factorysharing.web.security.Authorities.READERS;
import static org.factorysharing.web.security.Authorities.STAFF;
import static org.factorysharing.web.security.Authorities.of;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.factorysharing.web.shared.TaskRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The member pages: a member's own application under /me (the members group), the member directory and detail under
 * /members for those who read the whole programme (officers, supervisors, auditors, admins), its actions for the
 * programme's staff (officers, supervisors, admins, as the API), and the document check for officers and supervisors.
 * Whose member a login sees, and what each may decide, is checked again by the queries, the task rules and the command
 * side.
 */
@Configuration(proxyBeanMethods = false)
class MemberPages {

    static final String VERIFY_DOCUMENTS = "user_verify_documents";

    @Bean
    PagePolicy memberPagePolicy() {
        return rules -> rules.requestMatchers("/me", "/me/**")
                .hasAuthority(of(Groups.MEMBERS))
                .requestMatchers("/members/verification/**")
                .hasAnyAuthority(of(Groups.OFFICERS, Groups.SUPERVISORS))
                .requestMatchers(HttpMethod.POST, "/members/**")
                .hasAnyAuthority(of(STAFF))
                .requestMatchers("/members", "/members/**")
                .hasAnyAuthority(of(READERS));
    }

    @Bean
    NavigationItem myApplicationNavigation() {
        return new NavigationItem("member.nav.mine", "/me", 10, List.of(Groups.MEMBERS));
    }

    @Bean
    NavigationItem memberDirectoryNavigation() {
        return new NavigationItem("member.nav.directory", "/members", 20, List.of(READERS));
    }

    /** The inbox opens "Verify documents" beside the member's documents. */
    @Bean
    TaskRoute verifyDocumentsRoute() {
        return new TaskRoute(VERIFY_DOCUMENTS, "/members/verification/{taskId}");
    }
}
