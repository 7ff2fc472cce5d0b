package io.github.mpeventloop.sample.status;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns readings of an ever-growing count into a rate: each reading is kept for a window, and the
 * rate is the growth between the oldest kept reading and the newest over the time between them.
 */
final class Throughput {

    private record Reading(long nanos, double count) {
    }

    private final long windowNanos;
    private final Deque<Reading> readings = new ArrayDeque<>();

    Throughput(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Records {@code count} read at {@code nanos} (a {@link System#nanoTime()} value); returns the rate per second. */
    synchronized double record(long nanos, double count) {
        this.readings.addLast(new Reading(nanos, count));
        while (this.readings.size() > 2 && nanos - this.readings.peekFirst().nanos() > this.windowNanos) {
            this.readings.removeFirst();
        }
        Reading oldest = this.readings.peekFirst();
        long elapsed = nanos - oldest.nanos();
        return elapsed <= 0 ? 0 : Math.max(0, count - oldest.count()) * 1e9 / elapsed;
    }
}
