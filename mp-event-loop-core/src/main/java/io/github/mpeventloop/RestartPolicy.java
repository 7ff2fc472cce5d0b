package io.github.mpeventloop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * The restart budget and back-off, as arithmetic over a clock: at most {@code maxRestarts} workers
 * replaced within {@code window}; one more loss gives up (the loop goes down). The first
 * replacement after a quiet window starts at once; each further recent one waits {@code initial},
 * doubled per recent restart, at most {@code max}. Pure: the clock is injected, nothing is started.
 */
final class RestartPolicy {

    /** What to do after a loss: replace the worker after {@code backoff}, or give up. */
    record Decision(boolean restart, Duration backoff, int recentRestarts) {
    }

    private final int maxRestarts;
    private final long windowNanos;
    private final Duration initial;
    private final Duration max;
    private final LongSupplier nanoClock;
    private final Deque<Long> recent = new ArrayDeque<>();

    RestartPolicy(int maxRestarts, Duration window, Duration initial, Duration max, LongSupplier nanoClock) {
        this.maxRestarts = maxRestarts;
        this.windowNanos = window.toNanos();
        this.initial = initial;
        this.max = max;
        this.nanoClock = nanoClock;
    }

    /** Counts a loss against the budget and decides. */
    synchronized Decision onLoss() {
        long now = nanoClock.getAsLong();
        long windowStart = now - windowNanos;
        while (!recent.isEmpty() && recent.peekFirst() - windowStart < 0) {
            recent.removeFirst();
        }
        int count = recent.size();
        if (count >= maxRestarts) {
            return new Decision(false, Duration.ZERO, count);
        }
        recent.addLast(now);
        if (count == 0) {
            return new Decision(true, Duration.ZERO, count);
        }
        long millis = Math.min(max.toMillis(), initial.toMillis() << Math.min(count - 1, 20));
        return new Decision(true, Duration.ofMillis(millis), count);
    }

    /** Forgets past restarts (the loop starts afresh). */
    synchronized void reset() {
        recent.clear();
    }
}
