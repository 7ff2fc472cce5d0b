package io.github.mpeventloop;

import java.util.List;
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

    /** How an event that ended with {@code error} (or none) ended. */
    static EventOutcome outcomeOf(@Nullable Throwable error, boolean cancelled) {
        if (error == null) {
            return cancelled ? EventOutcome.CANCELLED : EventOutcome.VALUE;
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

    /** {@link #rejected} for an event refused before it was accepted. */
    void refused(Event<?> event, RejectionReason reason) {
        rejected(new Refused(event), reason);
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

    /** An event refused before it got an id. */
    private record Refused(Event<?> event) implements ObservedEvent {

        @Override
        public long id() {
            return 0;
        }

        @Override
        public boolean isStream() {
            return event instanceof CallEvent<?> call && call.isStreamed();
        }

        @Override
        public int attempts() {
            return 0;
        }

        @Override
        public int workerId() {
            return 0;
        }

        @Override
        public long queueWaitNanos() {
            return 0;
        }

        @Override
        public long ageNanos() {
            return 0;
        }

        @Override
        public void carry(String key, String value) {
        }
    }
}
