package org.factorysharing.web.task;

import java.util.List;
import org.factorysharing.api.shared.Groups;
import org.factorysharing.web.security.Authorities;
import org.factorysharing.web.security.PagePolicy;
import org.factorysharing.web.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task inbox and the general task page: for everyone who works on workflow tasks, and for auditors and admins,
 * who may read every task (the task rules decide, task by task, who sees and works on what). Members have no tasks.
 */
@Configuration(proxyBeanMethods = false)
class TaskPages {

    /** Groups whose people are offered workflow tasks (and see the inbox in the navigation). */
    static final List<String> WORKERS =
            List.of(Groups.OFFICERS, Groups.SUPERVISORS, Groups.PLANNERS, Groups.EXECUTIVES, Groups.FACTORY_STAFF);

    @Bean
    PagePolicy taskPagePolicy() {
        return rules -> rules.requestMatchers("/tasks", "/tasks/**")
                .access(Authorities.anyOfOrFactoryStaff(
                        Groups.OFFICERS,
                        Groups.SUPERVISORS,
                        Groups.PLANNERS,
                        Groups.EXECUTIVES,
                        Groups.AUDITORS,
                        Groups.ADMINS));
    }

    @Bean
    NavigationItem taskNavigation() {
        return new NavigationItem("task.nav", "/tasks", 10, WORKERS);
    }
}
