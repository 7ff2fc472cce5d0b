package io.github.mpeventloop;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The handle {@code addEvent} returns: a {@link CompletableFuture} of the event's value, with the
 * event's id, key and the event itself. It completes when the worker's answer arrives, on a thread
 * of the loop, before the output handlers see the result; use the {@code ...Async} stages for
 * slow work. It fails with {@link RemoteEventException} when the target threw, with
 * {@link WorkerLostException} when the worker died under it, with
 * {@link EventLoopStoppedException} when the loop stopped before running it.
 *
 * @param <R> type of the value
 */
public final class EventFuture<R> extends CompletableFuture<R> {

    private final long id;
    private final Event<R> event;

    EventFuture(long id, Event<R> event) {
        this.id = id;
        this.event = event;
    }

    /** The event's id, unique within its loop. */
    public long id() {
        return id;
    }

    /** The event as it was submitted. */
    public Event<R> event() {
        return event;
    }

    /** The event's key, or {@code null}. */
    public @Nullable Object key() {
        return event.key();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
