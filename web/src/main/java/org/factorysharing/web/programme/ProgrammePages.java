package org.factorysharing.web.programme;

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
 * The programme pages, open to the groups the programme API lets in (ProgrammePolicy): planners, executives,
 * officers, supervisors, auditors and admins read the dashboard and the waves; the ministry's staff plan and enrol;
 * officers and supervisors ask for an early evaluation, which supervisors decide; a wave's task pages are read by
 * whom the task rules let see the task and sent by those who work on tasks (the task rules decide which stage whom).
 */
@Configuration(proxyBeanMethods = false)
class ProgrammePages {

    static final List<String> READERS = List.of(
            Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES, Groups.AUDITORS, Groups.ADMINS);
    /** Officers, supervisors and admins: plan waves and enrol factories, as the API allows. */
    static final List<String> STAFF = List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.ADMINS);
    /** Those who may ask for an early evaluation. */
    static final List<String> REQUESTERS = List.of(Groups.OFFICERS, Groups.SUPERVISORS);
    /** Those who work on the wave's tasks: the proposal (officers) and the three approval stages. */
    static final List<String> DECIDERS =
            List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES);

    static final String TASK_PATH = "/programme/tasks/{taskId}";

    @Bean
    PagePolicy programmePagePolicy() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/programme/waves/new", "/programme/waves/*/enrolment")
                .hasAnyAuthority(of(STAFF.toArray(String[]::new)))
                .requestMatchers(HttpMethod.POST, "/programme/waves", "/programme/waves/*/factories")
                .hasAnyAuthority(of(STAFF.toArray(String[]::new)))
                .requestMatchers(HttpMethod.POST, "/programme/waves/*/early-evaluations")
                .hasAnyAuthority(of(REQUESTERS.toArray(String[]::new)))
                .requestMatchers(HttpMethod.POST, "/programme/waves/*/early-evaluations/*/decision")
                .hasAnyAuthority(of(Groups.SUPERVISORS))
                .requestMatchers(HttpMethod.POST, "/programme/tasks/**")
                .hasAnyAuthority(of(DECIDERS.toArray(String[]::new)))
                .requestMatchers("/programme", "/programme/**")
                .hasAnyAuthority(of(READERS.toArray(String[]::new)));
    }

    @Bean
    NavigationItem programmeNavigation() {
        return new NavigationItem("programme.nav", "/programme", 40, READERS);
    }

    @Bean
    TaskRoute proposeOutcomeRoute() {
        return new TaskRoute("user_propose_outcome", TASK_PATH);
    }

    @Bean
    TaskRoute regionalReviewRoute() {
        return new TaskRoute("user_regional_review", TASK_PATH);
    }

    @Bean
    TaskRoute planningReviewRoute() {
        return new TaskRoute("user_planning_review", TASK_PATH);
    }

    @Bean
    TaskRoute finalApprovalRoute() {
        return new TaskRoute("user_final_approval", TASK_PATH);
    }
}
