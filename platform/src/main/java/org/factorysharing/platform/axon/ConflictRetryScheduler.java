package org.factorysharing.platform.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Retries a command that lost a race on its aggregate (two nodes appended the same sequence number):
 * the retry loads the winner's events and decides again. Business rejections are never retried. A
 * command sent inside an outer transaction (a BPMN step) is not retried here: that transaction is
 * already marked for rollback, and the engine's own job retry repeats the whole step instead.
 */
final class ConflictRetryScheduler implements RetryScheduler {

    private static final int MAX_RETRIES = 3;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        if (!isConflict(lastFailure)
                || failures.size() > MAX_RETRIES
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        long delay = ThreadLocalRandom.current().nextLong(5, 25) * failures.size();
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
