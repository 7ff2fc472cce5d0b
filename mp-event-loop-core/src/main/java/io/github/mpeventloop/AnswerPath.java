package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.internal.wire.WorkerFrame;

/**
 * The way back of every event: a worker's answer, a stream's items and credit, a failure decided
 * by the loop (a lost worker, a timeout), or an event handed back unrun. Every accepted event ends
 * here exactly once, in {@link #finish}: its future completes, then its result goes to the output
 * handlers on the consumer (or it is counted done), which is the one place an observer of event
 * outcomes would be told.
 */
final class AnswerPath {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final LoopSettings settings;
    private final HandlerChain handlers;
    private final IdleTracker idle;
    private final EventQueue queue;
    private volatile @Nullable ResultConsumer consumer;
    private final LoopListeners listeners;

    AnswerPath(LoopSettings settings, HandlerChain handlers, IdleTracker idle, EventQueue queue,
            LoopListeners listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.handlers = handlers;
        this.idle = idle;
        this.queue = queue;
    }

    /** The consumer results are posted to from now on, {@code null} for none. */
    void useConsumer(@Nullable ResultConsumer current) {
        consumer = current;
    }

    @Nullable ResultConsumer consumer() {
        return consumer;
    }

    /** A worker's final answer to an event: a value, a remote error, a stream's end, or its cancellation. */
    void answered(WorkerSession session, PendingEvent event, WorkerFrame.Answer answer) {
        Object value = null;
        Throwable error = null;
        long items = -1;
        boolean cancelled = answer instanceof WorkerFrame.Cancelled;
        if (answer instanceof WorkerFrame.Result result) {
            value = result.value();
            error = result.unreadable();
            if (event.proxy != null && error == null && !result.mirror().isEmpty()) {
                event.mirror = result.mirror();
            }
        } else if (answer instanceof WorkerFrame.Failure failure) {
            error = RemoteEventException.of("event " + event.id + " failed in worker " + session.id(), failure.error());
            items = failure.items();
        } else if (answer instanceof WorkerFrame.End end) {
            items = end.items();
            cancelled = end.cancelled();
        }
        finish(event, error == null ? value : null, error, session.id(), answer.nanos(), session.deliveries(), items,
                cancelled);
    }

    /** One item of a stream: to the caller's handle, and to the handlers as a result of its own. */
    void item(WorkerSession session, PendingEvent event, WorkerFrame.Item item) {
        StreamState stream = event.stream;
        if (stream == null || event.ended.get()) {
            return;
        }
        if (item.unreadable() != null) {
            session.cancel(event, false);
            finish(event, null, item.unreadable(), session.id(), 0, session.deliveries(), stream.received(), false);
            return;
        }
        Object value = item.value();
        stream.received(value);
        if (event.observed) {
            listeners.item(event, item.index());
        }
        ResultConsumer current = consumer;
        if (!event.reachesHandlers() || !settings.hasResults()) {
            return;
        }
        if (current == null) {
            stream.handled();
            return;
        }
        EventResult<Object> result = new EventResult<>(event.id, event.event, value, null, session.id(), 0,
                System.nanoTime() - event.submittedNanos, event.attempts, item.index(), false, -1, false);
        session.deliveries().add(new Delivery(result, handlers, stream::handled));
    }

    /** How streams reach their worker: credit and cancellation. */
    StreamState.Link streamLink() {
        return streamLink;
    }

    private final StreamState.Link streamLink = new StreamState.Link() {
        @Override
        public void credit(PendingEvent event, long items) {
            WorkerSession session = event.session;
            if (session != null) {
                session.credit(event, items);
            }
        }

        @Override
        public void cancel(PendingEvent event) {
            event.cancelRequested = true;
            if (event.ended.get()) {
                return;
            }
            WorkerSession session = event.session;
            if (session != null) {
                session.cancel(event, false);
            } else if (queue.remove(event)) {
                finish(event, null, null, 0, 0, null, 0, true);
            }
        }
    };

    /**
     * Whether the result about to be posted is the only event outstanding in the loop (it counts
     * until its handlers ran): the consumer may then poll for the next one instead of parking.
     */
    private boolean aloneInLoop() {
        return idle.outstanding() == 1;
    }

    /** Hands the results a reader thread collected to the consumer, in one go; readers call it before they block. */
    void deliverPending(WorkerSession session) {
        List<Runnable> batch = session.deliveries();
        if (batch.isEmpty()) {
            return;
        }
        ResultConsumer current = consumer;
        if (current != null && batch.size() == 1) {
            current.post(batch.remove(0), aloneInLoop());
            return;
        }
        List<Runnable> deliveries = List.copyOf(batch);
        batch.clear();
        if (current != null) {
            current.postAll(deliveries);
        } else {
            deliveries.forEach(Runnable::run);
        }
    }

    /** Ends an event with a failure the loop decided (it could not be dispatched, it timed out, its worker was lost). */
    void fail(PendingEvent event, Throwable error, int workerId, long executionNanos) {
        finish(event, null, error, workerId, executionNanos, null, -1, false);
    }

    /** Ends an event the caller cancelled: it did not run, or its worker stopped it, or it was ended with its worker. */
    void cancelled(PendingEvent event, int workerId) {
        finish(event, null, null, workerId, 0, null, -1, true);
    }

    /** Ends events that did not run: their futures fail with {@link EventLoopStoppedException}; logged once. */
    List<Event<?>> handBack(List<PendingEvent> events, String reason) {
        return handBack(events, reason, EventLoopStoppedException::new);
    }

    /** Ends events that did not run with {@code failure}, without handlers (they never ran); logged once. */
    List<Event<?>> handBack(List<PendingEvent> events, String reason, Function<String, RuntimeException> failure) {
        List<Event<?>> handedBack = new ArrayList<>();
        for (PendingEvent event : events) {
            if (event.ended.compareAndSet(false, true)) {
                RuntimeException error = failure.apply(reason + " (event " + event.id + ")");
                if (event.observed) {
                    listeners.completed(event, EventOutcome.HANDED_BACK, error, 0);
                }
                event.future.fail(error);
                event.future.handled();
                idle.done();
                handedBack.add(event.event);
            }
        }
        if (!handedBack.isEmpty()) {
            LOG.warn("Loop {} handed back {} event(s) that did not run: {}", settings.name(), handedBack.size(), reason);
        }
        return handedBack;
    }

    /**
     * Ends an event, once: a second call for the same event (a late answer of an event that timed
     * out or was failed already) does nothing. A stream's end carries how many items the worker
     * sent ({@code items}, or -1 to count those received) and whether it was cancelled; its value
     * is {@code null}. An event whose future the caller cancelled reaches the handlers as cancelled,
     * whatever its worker answered. A reader thread passes its {@code batch}, which it hands to the
     * consumer in one go.
     */
    void finish(PendingEvent event, @Nullable Object value, @Nullable Throwable error, int workerId,
            long executionNanos, @Nullable List<Runnable> batch, long items, boolean cancelled) {
        if (!event.ended.compareAndSet(false, true)) {
            return;
        }
        if (event.cancelRequested && event.future.isCancelled()) {
            value = null;
            error = event.stream == null ? new CancellationException("event " + event.id + " was cancelled") : null;
            cancelled = true;
        }
        StreamState stream = event.stream;
        long itemCount = -1;
        if (stream != null) {
            itemCount = items >= 0 ? items : stream.received();
            value = null;
            EventStream<?> handle = stream.handle();
            if (handle != null) {
                handle.ended(error == null ? new StreamEnd(itemCount, cancelled) : null, error);
            }
        } else if (event.kind.wrapStage() && error == null) {
            value = CompletableFuture.completedFuture(value);
        }
        EventResult<Object> result = new EventResult<>(event.id, event.event, value, error, workerId, executionNanos,
                System.nanoTime() - event.submittedNanos, event.attempts, -1, stream != null, itemCount,
                cancelled && (error == null || error instanceof CancellationException));
        if (event.observed) {
            listeners.completed(event, LoopListeners.outcomeOf(error, cancelled), error, executionNanos);
        }
        if (error == null) {
            event.future.succeed(value);
        } else {
            event.future.fail(error);
        }
        ResultConsumer current = consumer;
        if (event.reachesHandlers() && settings.hasResults() && current != null) {
            Delivery delivery = new Delivery(result, handlers, () -> {
                event.future.handled();
                idle.done();
            });
            if (batch != null) {
                batch.add(delivery);
            } else {
                current.post(delivery, aloneInLoop());
            }
            return;
        }
        if (error != null && !event.hasOutput()) {
            LOG.warn("Event {} ({}) failed: {}", event.id, event.event.key() != null ? event.event.key()
                    : "no output asked", error.toString());
        }
        Proxy<?> proxy = event.proxy;
        if (proxy == null) {
            event.future.handled();
            idle.done();
            return;
        }
        Map<String, Object> mirror = error == null ? event.mirror : null;
        Runnable sync = () -> {
            try {
                proxy.synced(mirror);
            } finally {
                event.future.handled();
                idle.done();
            }
        };
        if (batch != null) {
            batch.add(sync);
        } else if (current != null) {
            current.post(sync);
        } else {
            sync.run();
        }
    }
}
