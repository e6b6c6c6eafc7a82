package org.factorysharing.command.factory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.factorysharing.api.factory.FactoryCommands.FactoryCommand;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the factory cache truthful when a command runs inside a longer transaction (a BPMN step completed
 * through the task API or a streaming processor's batch). Axon caches the aggregate and releases its lock
 * when the command's unit of work ends, but the events are only durable when the enclosing transaction
 * commits. Until then this guard holds a per-factory lock, so no other command can build on events that may
 * still roll back, and on rollback it evicts the factory so the next command reloads it from the store.
 * Within one node; across nodes the event store's unique (aggregate, sequence) key refuses a stale append.
 */
class CachedAggregateGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Cache cache;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    CachedAggregateGuard(Cache cache) {
        this.cache = cache;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof FactoryCommand command)) {
            return chain.proceed();
        }
        String factoryId = command.factoryId().value();
        ReentrantLock lock = locks.computeIfAbsent(factoryId, id -> new ReentrantLock());
        lock.lock();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // fires when the outermost transaction ends, whoever started it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.remove(factoryId);
                    }
                    lock.unlock();
                }
            });
        } else {
            unitOfWork.onRollback(u -> cache.remove(factoryId));
            unitOfWork.onCleanup(u -> lock.unlock());
        }
        return chain.proceed();
    }
}
