package io.github.mpeventloop;

import java.util.Map;

/**
 * Counts of a loop's events and workers since it was built: a snapshot of the counters the loop
 * keeps on its own path (always on; each update is one {@link java.util.concurrent.atomic.LongAdder}
 * increment).
 *
 * @param accepted events the loop took ({@link EventLoopListener#accepted})
 * @param rejected events refused at submission, by reason (every reason present, 0 if none)
 * @param dispatched sends of events to workers (a retried event counts once per attempt)
 * @param completed events that ended, by outcome (every outcome present, 0 if none); a stream
 *     counts once here, however many items it had
 * @param items items of streamed calls that arrived
 * @param workersStarted workers that completed their handshake, replacements included
 * @param workersLost workers that ended without saying goodbye
 * @param workersHung workers ended because an event exceeded its timeout
 * @param workersRecycled workers replaced between events
 */
public record EventLoopStats(long accepted, Map<RejectionReason, Long> rejected, long dispatched,
        Map<EventOutcome, Long> completed, long items, long workersStarted, long workersLost, long workersHung,
        long workersRecycled) {

    /** Copies the maps. */
    public EventLoopStats {
        rejected = Map.copyOf(rejected);
        completed = Map.copyOf(completed);
    }

    /** Events that ended with {@code outcome}. */
    public long completed(EventOutcome outcome) {
        return completed.getOrDefault(outcome, 0L);
    }

    /** Events refused for {@code reason}. */
    public long rejected(RejectionReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    /** Events that ended, whatever the outcome. */
    public long completedTotal() {
        return completed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events refused, whatever the reason. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
