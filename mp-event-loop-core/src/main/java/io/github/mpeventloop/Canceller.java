package io.github.mpeventloop;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link EventFuture#cancel(boolean)} does to the event. A queued event is taken out and never
 * runs; one waiting for its worker in the dispatcher is dropped there ({@link Dispatcher}). A
 * streamed or awaited event is sent its {@code cancel}. A plain event sent to a worker is sent a
 * {@code cancel} too: the worker drops it if it has not started, and interrupts it if it runs and
 * {@code mayInterrupt}; either way it answers {@code cancelled}. A running event whose worker does
 * not answer within the grace period (its target ignores interrupts) has its worker ended and
 * replaced; the worker's other events were waiting behind it and are retried at no cost. Handlers
 * see a cancelled event once, as cancelled.
 */
final class Canceller {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final LoopSettings settings;
    private final EventQueue queue;
    private final AnswerPath answers;
    private volatile @Nullable ScheduledExecutorService timer;

    Canceller(LoopSettings settings, EventQueue queue, AnswerPath answers) {
        this.settings = settings;
        this.queue = queue;
        this.answers = answers;
    }

    /** The timer of the current run, for grace periods; {@code null} when stopped. */
    void useTimer(@Nullable ScheduledExecutorService current) {
        timer = current;
    }

    /** What an event's future calls when the caller cancels it. */
    @FunctionalInterface
    interface Hook {
        void cancel(boolean mayInterrupt);
    }

    /** The caller cancelled the event's future. */
    void cancel(PendingEvent event, boolean mayInterrupt) {
        event.cancelRequested = true;
        if (event.ended.get()) {
            return;
        }
        if (queue.remove(event)) {
            answers.cancelled(event, 0);
            return;
        }
        WorkerSession session = event.session;
        if (session == null) {
            return;
        }
        if (!event.isPlain()) {
            session.cancel(event, false);
            return;
        }
        session.cancel(event, mayInterrupt);
        ScheduledExecutorService current = timer;
        if (mayInterrupt && current != null) {
            Duration grace = settings.cancelGrace();
            try {
                current.schedule(() -> overdue(event, session), grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("loop {} stopped before the grace period of event {} began", settings.name(), event.id);
            }
        }
    }

    /** The grace period passed: a cancelled event that still runs costs its worker. */
    private void overdue(PendingEvent event, WorkerSession session) {
        if (event.ended.get() || event.session != session) {
            return;
        }
        String because = "event " + event.id + " was cancelled and did not stop within " + settings.cancelGrace();
        if (session.condemn(event, because) == null) {
            return;
        }
        LOG.warn("Loop {}: {}; worker {} (pid {}) is ended and replaced", settings.name(), because, session.id(),
                session.pid());
        answers.cancelled(event, session.id());
        session.link().destroy();
    }
}
