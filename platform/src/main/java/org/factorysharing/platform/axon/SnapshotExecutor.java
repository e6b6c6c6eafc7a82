package org.factorysharing.platform.axon;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * One background thread for snapshots, so the command that crosses the threshold does not wait for one.
 * Snapshots are only an optimisation: at shutdown the queued ones are dropped and the running one may finish
 * (the bean depends on the DataSource, so it stops before the database does).
 */
final class SnapshotExecutor implements Executor, DisposableBean {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread snapshotter = new Thread(runnable, "axon-snapshotter");
        snapshotter.setDaemon(true);
        return snapshotter;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
