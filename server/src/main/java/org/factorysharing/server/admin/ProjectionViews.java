package org.factorysharing.server.admin;

import java.util.List;

/** What the admin API shows of the streaming event processors. */
final class ProjectionViews {

    private ProjectionViews() {
    }

    /** A read-model projection is rebuilt by a replay; a workflow bridge skips replayed events. */
    enum ProcessorKind {
        PROJECTION, WORKFLOW_BRIDGE
    }

    /**
     * One processor. {@code running} and {@code error} describe this node's instance; the segments come from the
     * token store and so cover the whole cluster. {@code percentage} is how far the slowest segment is towards its
     * target: the position it was reset from while replaying, otherwise the head of the event store.
     */
    record ProcessorView(String name, ProcessorKind kind, boolean replayable, boolean running, boolean error,
                         boolean replaying, long headPosition, int percentage, List<SegmentView> segments) {
    }

    /**
     * One segment: its owner (the node holding the claim, none when unclaimed), the last position it handled, and
     * while replaying the position the replay must reach. Error details are known only on the owning node.
     */
    record SegmentView(int segment, String owner, long position, Long resetPosition, boolean replaying,
                       String error) {
    }
}
