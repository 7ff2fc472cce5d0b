package io.github.mpeventloop;

import java.util.concurrent.TimeUnit;

/**
 * How many plain events one worker may hold at once. The window starts at one and follows the
 * worker's measured execution time (an exponential average) so that about two milliseconds of work
 * wait in it: trivial events travel in large batches. Events of up to {@link #NEXT_WAITS_UP_TO_NANOS}
 * keep one more event waiting behind the running one, so that the worker starts it as soon as the
 * running one ends instead of idling for a round trip to the parent (under load, each of that round
 * trip's thread wake-ups waits for a core, a sizeable part of a 20 ms event). Longer events are
 * handed out one at a time, so that a busy worker does not hold events back from an idle one.
 * Asynchronous and streamed events do not count against it, only against the maximum.
 *
 * <p>A launcher whose channel has a long round trip asks for a factor (its {@code inFlightFactor()}):
 * the queued work, and the maximum unless the loop was given one, are that many times larger.
 */
final class FlowWindow {

    /** The work, in nanoseconds, the window lets wait in a worker. */
    static final long QUEUED_WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /**
     * The longest average event that still gets a second one waiting behind it: at most this long
     * an event may be held back from another worker that became idle.
     */
    static final long NEXT_WAITS_UP_TO_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int max;
    private final long queuedWorkNanos;
    private double averageNanos = -1;
    private volatile int size = 1;

    private FlowWindow(int max, int factor) {
        this.max = max;
        this.queuedWorkNanos = QUEUED_WORK_NANOS * factor;
    }

    /**
     * The window of a worker whose launcher asks for {@code factor} times the work in flight; its
     * maximum is {@code configuredMax}, or when that is 0 (the loop was given none) the default
     * maximum times the factor.
     */
    static FlowWindow of(int configuredMax, int factor) {
        int times = Math.max(1, factor);
        long max = configuredMax > 0 ? configuredMax
                : (long) EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER * times;
        return new FlowWindow((int) Math.min(Integer.MAX_VALUE, max), times);
    }

    /** The most events the worker may hold at once. */
    int max() {
        return max;
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
        long fit = 1 + (long) (queuedWorkNanos / Math.max(1.0, averageNanos));
        if (averageNanos <= NEXT_WAITS_UP_TO_NANOS) {
            fit = Math.max(2, fit);
        }
        size = (int) Math.max(1, Math.min(max, fit));
    }
}
