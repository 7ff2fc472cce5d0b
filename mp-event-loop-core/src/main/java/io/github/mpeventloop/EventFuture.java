package io.github.mpeventloop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The handle {@code addEvent} returns: a {@link CompletableFuture} of the event's value, with the
 * event's id, key and the event itself. It completes when the worker's answer arrives, on a thread
 * of the loop, before the output handlers see the result; use the {@code ...Async} stages for
 * slow work. It fails with {@link RemoteEventException} when the target threw, with
 * {@link WorkerLostException} when the worker died under it, with
 * {@link EventLoopStoppedException} when the loop stopped before running it.
 *
 * <p>Only the loop completes it: {@code complete}, {@code completeExceptionally},
 * {@code obtrude...}, {@code completeAsync}, {@code completeOnTimeout} and {@code orTimeout} throw
 * {@link UnsupportedOperationException} (bound the wait with {@code get(timeout, unit)}, or the
 * event with {@link Event#timeout(java.time.Duration)}). Stages derived from it are ordinary
 * {@link CompletableFuture}s.
 *
 * @param <R> type of the value
 */
public final class EventFuture<R> extends CompletableFuture<R> {

    private final long id;
    private final Event<R> event;
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<EventFuture, CountDownLatch> HANDLED_SIGNAL =
            AtomicReferenceFieldUpdater.newUpdater(EventFuture.class, CountDownLatch.class, "handledSignal");

    private volatile Canceller.@Nullable Hook onCancel;
    private volatile boolean handled;
    /** Made by the first thread that waits for {@link #handled()} ({@code map}): most events have no waiter. */
    private volatile @Nullable CountDownLatch handledSignal;

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

    /** What cancelling does to the event; set when the loop accepts it. */
    void onCancel(Canceller.Hook hook) {
        onCancel = hook;
    }

    /**
     * Cancels the event, unless it ended already. A queued event is taken out and never runs; a
     * streamed or awaited one is stopped in its worker; a plain one its worker has not started is
     * dropped there, and a running one is interrupted if {@code mayInterruptIfRunning} (its worker
     * is ended and replaced if it does not stop within the loop's cancel grace period). This future
     * completes at once with a {@link java.util.concurrent.CancellationException}; the output
     * handlers see the event once, as cancelled ({@link EventResult#isCancelled()}).
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean wasDone = isDone();
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Canceller.@Nullable Hook hook = onCancel;
        if (!wasDone && cancelled && hook != null) {
            hook.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }

    /** The output handlers are done with the event's result, or it reaches none; the loop's path only. */
    void handled() {
        handled = true;
        CountDownLatch waiting = handledSignal;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    /** Waits until the output handlers are done with the event's result (or it reaches none). */
    void awaitHandled() throws InterruptedException {
        if (handled) {
            return;
        }
        HANDLED_SIGNAL.compareAndSet(this, null, new CountDownLatch(1));
        CountDownLatch signal = handledSignal;
        if (!handled && signal != null) {
            signal.await();
        }
    }

    /** Completes it with the event's value; the loop's path only. */
    boolean succeed(@Nullable R value) {
        return super.complete(value);
    }

    /** Completes it with the event's failure; the loop's path only. */
    boolean fail(Throwable error) {
        return super.completeExceptionally(error);
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public boolean complete(@Nullable R value) {
        throw refused("complete");
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public boolean completeExceptionally(Throwable error) {
        throw refused("completeExceptionally");
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public void obtrudeValue(@Nullable R value) {
        throw refused("obtrudeValue");
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public void obtrudeException(Throwable error) {
        throw refused("obtrudeException");
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public CompletableFuture<R> completeAsync(Supplier<? extends R> supplier, Executor executor) {
        throw refused("completeAsync");
    }

    /** Not for callers: the loop completes an event's future. */
    @Override
    public CompletableFuture<R> completeAsync(Supplier<? extends R> supplier) {
        throw refused("completeAsync");
    }

    /** Not for callers: bound the event with {@link Event#timeout(java.time.Duration)} instead. */
    @Override
    public CompletableFuture<R> completeOnTimeout(@Nullable R value, long timeout, TimeUnit unit) {
        throw refused("completeOnTimeout");
    }

    /** Not for callers: bound the wait with {@code get(timeout, unit)} or the event with {@link Event#timeout}. */
    @Override
    public CompletableFuture<R> orTimeout(long timeout, TimeUnit unit) {
        throw refused("orTimeout");
    }

    private UnsupportedOperationException refused(String method) {
        return new UnsupportedOperationException(method + "() is not available on the future of event " + id
                + ": only its loop completes it (use get(timeout, unit) to bound a wait, Event.timeout(...) to bound "
                + "the event, cancel(...) to give it up)");
    }
}
