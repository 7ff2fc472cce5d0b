package io.github.mpeventloop;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Timeouts, on the loop's timer. A plain event that runs longer than its timeout fails with
 * {@link EventTimeoutException} and its worker is condemned and ended (supervision replaces it). An
 * asynchronous event whose stage has not completed within its timeout of being sent fails, and the
 * worker, whose thread the stage does not hold, is asked to cancel the stage and goes on. A stream
 * times out when no item (nor its end) arrived within its timeout while it had credit: its producer
 * may hold the worker's thread, so it fails and the worker is ended, as for a plain event.
 *
 * <p>The timer looks every {@link #PERIOD} only from the first event with a timeout on (or from the
 * start, when the loop has a default timeout): a loop whose events have none is not woken fifty
 * times a second for nothing. An event with a timeout accepted before the loop starts counts.
 */
final class Watchdog {

    /** How often the timer looks. */
    static final Duration PERIOD = Duration.ofMillis(20);

    private final WorkerPool pool;
    private final AnswerPath answers;
    private final OnDemandTick looks = new OnDemandTick(this::check, PERIOD);

    Watchdog(WorkerPool pool, AnswerPath answers) {
        this.pool = pool;
        this.answers = answers;
    }

    /** Notes that an accepted event has a timeout, so the watchdog starts looking. */
    void watch(PendingEvent event) {
        if (event.timeoutNanos > 0) {
            looks.need();
        }
    }

    /**
     * A run of the loop begins on {@code timer}; the watchdog looks on it at once if the loop has a
     * default timeout or an event with a timeout was accepted, otherwise from the first such event.
     */
    void start(ScheduledExecutorService timer, boolean loopWideTimeout) {
        if (loopWideTimeout) {
            looks.need();
        }
        looks.start(timer);
    }

    /** One look at every worker's events. */
    void check() {
        long now = System.nanoTime();
        for (WorkerSession session : pool.sessions()) {
            PendingEvent running = session.running();
            if (running == null || running.timeoutNanos == 0
                    || now - session.runningSince(running) <= running.timeoutNanos) {
                continue;
            }
            Duration timeout = Duration.ofNanos(running.timeoutNanos);
            String because = "event " + running.id + " ran longer than its timeout of " + timeout;
            if (session.condemn(running, because) == null) {
                continue;
            }
            answers.fail(running, new EventTimeoutException("event " + running.id + " did not finish within "
                    + timeout + " in worker " + session.id() + " (pid " + session.pid()
                    + "); the worker was ended and is replaced", timeout), session.id(), now - running.sentNanos);
            session.link().destroy();
        }
        for (WorkerSession session : pool.sessions()) {
            for (PendingEvent event : session.concurrentEvents()) {
                if (event.timeoutNanos > 0 && !event.ended.get()) {
                    checkConcurrent(session, event, now);
                }
            }
        }
    }

    private void checkConcurrent(WorkerSession session, PendingEvent event, long now) {
        Duration timeout = Duration.ofNanos(event.timeoutNanos);
        StreamState stream = event.stream;
        if (stream == null) {
            if (now - event.sentNanos <= event.timeoutNanos) {
                return;
            }
            answers.fail(event, new EventTimeoutException("event " + event.id + " did not complete within " + timeout
                    + " in worker " + session.id() + "; its stage was cancelled", timeout), session.id(),
                    now - event.sentNanos);
            session.cancel(event, false);
            return;
        }
        if (!stream.hasCredit() || now - Math.max(event.sentNanos, stream.lastProgressNanos()) <= event.timeoutNanos) {
            return;
        }
        String because = "stream " + event.id + " sent nothing for longer than its timeout of " + timeout;
        if (session.condemn(event, because) == null) {
            return;
        }
        answers.fail(event, new EventTimeoutException("stream " + event.id + " sent no item within " + timeout
                + " in worker " + session.id() + " (pid " + session.pid()
                + "); the worker was ended and is replaced", timeout), session.id(), now - event.sentNanos);
        session.link().destroy();
    }
}
