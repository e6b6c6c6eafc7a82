package org.factorysharing.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.factorysharing.api.shared.BusinessRuleViolation;
import org.factorysharing.api.shared.InvalidField;
import org.factorysharing.api.shared.NotFound;
import org.factorysharing.api.shared.NotPermitted;

/**
 * Commands by type: how many, how long they took (histogram, for percentiles in Prometheus) and how they ended:
 * {@code ok}, {@code refused} (a rule, an invalid field, a permission, an unknown id: the domain said no) or
 * {@code failed} (anything else). Registered on the command bus, so the time is the handler's including its
 * transaction's commit (events appended, processes advanced).
 */
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String type = simpleName(unitOfWork.getMessage().getCommandName());
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "ok";
            return result;
        } catch (Exception e) {
            outcome = outcomeOf(e);
            throw e;
        } finally {
            String done = outcome;
            sample.stop(Timer.builder("fs.commands")
                    .description("commands handled on this node, by type and outcome")
                    .tag("command", type)
                    .tag("outcome", done)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private static String outcomeOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusinessRuleViolation
                    || t instanceof InvalidField
                    || t instanceof NotPermitted
                    || t instanceof NotFound
                    || t instanceof AggregateNotFoundException) {
                return "refused";
            }
        }
        return "failed";
    }

    private static String simpleName(String commandName) {
        int cut = Math.max(commandName.lastIndexOf('.'), commandName.lastIndexOf('$'));
        return commandName.substring(cut + 1);
    }
}
