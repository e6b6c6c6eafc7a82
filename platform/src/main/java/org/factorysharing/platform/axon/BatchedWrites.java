package org.factorysharing.platform.axon;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Blind writes of a projection, sent to the database as JDBC batches when the unit of work commits instead of one
 * round trip per event: a batch of 100 events of a replay becomes a few statements. Order is kept (only consecutive
 * writes of the same statement are batched together), and the writes run in the batch's transaction before it
 * commits. A write that must change a row and changes none fails the commit; the processor's error handler then runs
 * the batch again one event per transaction and parks the event whose write fails, so the rest flows on. Outside a
 * unit of work (a test calling a handler directly) each write runs at once.
 */
public final class BatchedWrites {

    private final JdbcTemplate jdbc;
    private final String resourceKey;

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.resourceKey = BatchedWrites.class.getName() + "@" + System.identityHashCode(this);
    }

    /** A write that may change any number of rows (an upsert, a delete). */
    public void update(String sql, Object... arguments) {
        add(new Write(sql, arguments, null));
    }

    /**
     * A write that must change at least one row; {@code missing} says what is missing when it changes none (the
     * failure parks the event).
     */
    public void updateExisting(String missing, String sql, Object... arguments) {
        add(new Write(sql, arguments, missing));
    }

    private void add(Write write) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.check(jdbc.update(write.sql(), write.arguments()));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Write> pending = root.getOrComputeResource(resourceKey, key -> {
            List<Write> writes = new ArrayList<>();
            root.onPrepareCommit(u -> flush(writes));
            return writes;
        });
        pending.add(write);
    }

    private void flush(List<Write> writes) {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start + 1;
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                end++;
            }
            List<Write> run = writes.subList(start, end);
            if (run.size() == 1) {
                run.get(0).check(jdbc.update(sql, run.get(0).arguments()));
            } else {
                int[] counts =
                        jdbc.batchUpdate(sql, run.stream().map(Write::arguments).toList());
                for (int i = 0; i < counts.length; i++) {
                    run.get(i).check(counts[i]);
                }
            }
            start = end;
        }
        writes.clear();
    }

    private record Write(String sql, Object[] arguments, String missing) {

        void check(int changed) {
            // the driver may answer "succeeded, count unknown" (-2) for a batch: nothing to check then
            if (missing != null && changed == 0) {
                throw new IllegalStateException(missing);
            }
        }
    }
}
