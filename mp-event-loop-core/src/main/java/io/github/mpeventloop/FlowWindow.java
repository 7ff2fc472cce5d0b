package io.github.mpeventloop;

import java.util.concurrent.TimeUnit;

/**
 * How many plain events one worker may hold at once. The window starts at one and follows the
 * worker's measured execution time (an exponential average) so that about two milliseconds of work
 * wait in it: trivial events travel in large batches, while long events are handed out one at a
 * time, so that a busy worker does not hold events back from an idle one. Asynchronous and streamed
 * events do not count against it, only against the maximum.
 */
final class FlowWindow {

    /** The work, in nanoseconds, the window lets wait in a worker. */
    static final long QUEUED_WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final int max;
    private double averageNanos = -1;
    private volatile int size = 1;

    FlowWindow(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    /** Room for more events, given the plain events and all events in flight. */
    int room(int plainInFlight, int allInFlight) {
        return Math.min(size - plainInFlight, max - allInFlight);
    }

    /** A plain event was answered after running {@code executionNanos}; the reader thread only. */
    void answered(long executionNanos) {
        long nanos = Math.max(0, executionNanos);
        averageNanos = averageNanos < 0 ? nanos : averageNanos * 0.875 + nanos * 0.125;
        long fit = 1 + (long) (QUEUED_WORK_NANOS / Math.max(1.0, averageNanos));
        size = (int) Math.max(1, Math.min(max, fit));
    }
}
