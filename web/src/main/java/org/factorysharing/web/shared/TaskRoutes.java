package org.factorysharing.web.shared;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Where a task opens: its feature's page when one is declared ({@link TaskRoute}), else the general task page. */
@Component("taskRoutes")
public class TaskRoutes {

    private final Map<String, TaskRoute> byTaskKey;

    TaskRoutes(List<TaskRoute> routes) {
        this.byTaskKey = routes.stream().collect(Collectors.toMap(TaskRoute::taskKey, Function.identity()));
    }

    public String pathFor(String taskKey, String taskId, String businessKey) {
        TaskRoute route = byTaskKey.get(taskKey);
        return route == null ? "/tasks/" + taskId : route.pathFor(taskId, businessKey);
    }
}
