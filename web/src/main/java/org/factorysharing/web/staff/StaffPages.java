package org.factorysharing.web.staff;

import static org.factorysharing.web.security.Authorities.anyOfOrFactoryStaff;
import static org.factorysharing.web.security.Authorities.anyOfOrStaffOfThatFactory;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.factorysharing.web.shared.TaskRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Factory staff on a phone: their factories' tasks (install machines, resolve findings, start jobs, record output,
 * inspect quality, reschedule) and their machines' maintenance. Officers open them too (they join a task once it
 * is overdue); a factory's machines are operated by its own staff, officers and admins, as the factory API allows.
 * Which task a user may complete is the task rules' decision, not the page's.
 */
@Configuration(proxyBeanMethods = false)
class StaffPages {

    static final String TASK_PAGE = "/staff/tasks/{taskId}";

    /** The task kinds these pages serve. */
    static final List<String> TASKS = List.of(
            "user_install_machine",
            "user_resolve_findings",
            "user_start_job",
            "user_record_output",
            "user_quality_inspection",
            "user_reschedule_job");

    @Bean
    PagePolicy staffPagePolicy() {
        return rules -> rules.requestMatchers("/staff/factories/{factoryId}", "/staff/factories/{factoryId}/**")
                .access(anyOfOrStaffOfThatFactory(Groups.OFFICERS, Groups.ADMINS))
                .requestMatchers("/staff", "/staff/**")
                .access(anyOfOrFactoryStaff(Groups.OFFICERS));
    }

    @Bean
    NavigationItem staffNavigation() {
        return new NavigationItem("staff.nav", "/staff", 20, List.of(Groups.FACTORY_STAFF));
    }

    @Bean
    TaskRoute staffInstallMachineRoute() {
        return new TaskRoute("user_install_machine", TASK_PAGE);
    }

    @Bean
    TaskRoute staffResolveFindingsRoute() {
        return new TaskRoute("user_resolve_findings", TASK_PAGE);
    }

    @Bean
    TaskRoute staffStartJobRoute() {
        return new TaskRoute("user_start_job", TASK_PAGE);
    }

    @Bean
    TaskRoute staffRecordOutputRoute() {
        return new TaskRoute("user_record_output", TASK_PAGE);
    }

    @Bean
    TaskRoute staffQualityInspectionRoute() {
        return new TaskRoute("user_quality_inspection", TASK_PAGE);
    }

    @Bean
    TaskRoute staffRescheduleJobRoute() {
        return new TaskRoute("user_reschedule_job", TASK_PAGE);
    }
}
