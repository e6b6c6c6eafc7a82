package org.factorysharing.workflows.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Remembers which user task is being completed while the engine runs the steps that follow it, so a command
 * sent by one of those steps names the task. A built-in listener on every user task's "complete" (it runs before
 * the model's own listeners, however the task is completed: our API, Tasklist or engine REST) keeps the task
 * until the engine command ends, successfully or not.
 */
@Component
class CompletedTasks extends AbstractProcessEnginePlugin {

    /** The user task whose completion the current engine command is carrying out. */
    record CompletedTask(String taskId, String taskDefinitionKey) {}

    private static final ThreadLocal<CompletedTask> CURRENT = new ThreadLocal<>();

    /** Registered on the engine command that completes a task (a second registration is a no-op). */
    private static final CommandContextListener FORGET = new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext context) {
            CURRENT.remove();
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
            CURRENT.remove();
        }
    };

    static CompletedTask current() {
        return CURRENT.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletedTasks::remember);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static void remember(DelegateTask task) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return;
        }
        CURRENT.set(new CompletedTask(task.getId(), task.getTaskDefinitionKey()));
        commandContext.registerCommandContextListener(FORGET);
    }
}
