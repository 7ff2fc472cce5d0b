package io.github.mpeventloop;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one loop, called from the engine's path: the loop's {@link LoopCounters} first,
 * then the application's, each guarded so that a listener that throws changes nothing for the
 * event. Also classifies how an event ended ({@link #outcomeOf}).
 */
final class LoopListeners {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopListener.class);

    private final LoopCounters counters = new LoopCounters();
    private final CopyOnWriteArrayList<EventLoopListener> listeners = new CopyOnWriteArrayList<>();

    LoopListeners(List<EventLoopListener> initial) {
        listeners.addAll(initial);
    }

    void add(EventLoopListener listener) {
        listeners.addIfAbsent(listener);
    }

    boolean remove(EventLoopListener listener) {
        return listeners.remove(listener);
    }

    EventLoopStats stats() {
        return counters.snapshot();
    }

    /** How an event that ended with {@code error} (or none) ended; {@code cancelled} when its caller cancelled it. */
    static EventOutcome outcomeOf(@Nullable Throwable error, boolean cancelled) {
        if (cancelled && (error == null || error instanceof CancellationException)) {
            return EventOutcome.CANCELLED;
        }
        if (error == null) {
            return EventOutcome.VALUE;
        }
        if (error instanceof EventTimeoutException) {
            return EventOutcome.TIMEOUT;
        }
        if (error instanceof WorkerLostException) {
            return EventOutcome.LOST;
        }
        return EventOutcome.ERROR;
    }

    void accepted(ObservedEvent event) {
        counters.accepted(event);
        if (!listeners.isEmpty()) {
            each(listener -> listener.accepted(event));
        }
    }

    void rejected(ObservedEvent event, RejectionReason reason) {
        counters.rejected(event, reason);
        if (!listeners.isEmpty()) {
            each(listener -> listener.rejected(event, reason));
        }
    }

    void dispatched(ObservedEvent event) {
        counters.dispatched(event);
        if (!listeners.isEmpty()) {
            each(listener -> listener.dispatched(event));
        }
    }

    void item(ObservedEvent event, long index) {
        counters.item(event, index);
        if (!listeners.isEmpty()) {
            each(listener -> listener.item(event, index));
        }
    }

    void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error, long executionNanos) {
        counters.completed(event, outcome, error, executionNanos);
        if (!listeners.isEmpty()) {
            each(listener -> listener.completed(event, outcome, error, executionNanos));
        }
    }

    void workerStarted(WorkerInfo worker) {
        counters.workerStarted(worker);
        if (!listeners.isEmpty()) {
            each(listener -> listener.workerStarted(worker));
        }
    }

    void workerLost(WorkerInfo worker, String reason) {
        counters.workerLost(worker, reason);
        if (!listeners.isEmpty()) {
            each(listener -> listener.workerLost(worker, reason));
        }
    }

    void workerHung(WorkerInfo worker, String reason) {
        counters.workerHung(worker, reason);
        if (!listeners.isEmpty()) {
            each(listener -> listener.workerHung(worker, reason));
        }
    }

    void workerRecycled(WorkerInfo worker, String reason) {
        counters.workerRecycled(worker, reason);
        if (!listeners.isEmpty()) {
            each(listener -> listener.workerRecycled(worker, reason));
        }
    }

    private void each(Consumer<EventLoopListener> call) {
        for (EventLoopListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Event loop listener {} failed; the event goes on", listener, e);
            }
        }
    }
}
