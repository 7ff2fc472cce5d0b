package io.github.mpeventloop;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A periodic task on the loop's timer that runs only once something needs it: it is scheduled at
 * the first {@link #need()} of a run, or at the run's {@link #start} if it was needed before, and
 * from then on for the rest of that run; a run that never needs it never wakes the timer for it.
 * Needed once, it stays needed for the loop's later runs. Thread-safe.
 */
final class OnDemandTick {

    private final Runnable task;
    private final Duration period;
    private volatile boolean needed;
    /** The running loop's timer; {@code null} before the first start. Guarded by this. */
    private @Nullable ScheduledExecutorService timer;
    /** Whether {@link #timer} has the task. Guarded by this. */
    private boolean scheduled;

    OnDemandTick(Runnable task, Duration period) {
        this.task = task;
        this.period = period;
    }

    /** Says the task is needed: it is scheduled now if the loop runs, else at its start. */
    void need() {
        if (!needed) {
            needed = true;
            scheduleIfStarted();
        }
    }

    /** A run of the loop begins on {@code runTimer}; the task goes on it at once if it was needed. */
    synchronized void start(ScheduledExecutorService runTimer) {
        timer = runTimer;
        scheduled = false;
        scheduleIfStarted();
    }

    private synchronized void scheduleIfStarted() {
        ScheduledExecutorService current = timer;
        if (current == null || scheduled || !needed) {
            return;
        }
        scheduled = true;
        try {
            current.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the run is ending; the next run's start schedules it again
        }
    }
}
