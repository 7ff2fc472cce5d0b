package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * The parent's side of one streamed event: its caller's handle, if any, and its credit. The
 * worker may send {@link #WINDOW} items beyond those consumed; an item is consumed once the output
 * handlers processed it (when they see items) and it was taken from the handle (when there is one
 * and its consumer was attached). Credit goes back to the worker in {@code credit} frames, half a
 * window at a time.
 */
final class StreamState {

    /** Items a worker may send beyond those consumed. */
    static final int WINDOW = 128;

    /** Sends credit to the worker running the stream, and cancels it there. */
    interface Link {
        void credit(PendingEvent event, long items);

        void cancel(PendingEvent event);
    }

    private final @Nullable EventStream<?> handle;
    private final boolean byHandlers;
    private @Nullable PendingEvent event;
    private @Nullable Link link;
    private long received;
    private long handled;
    private long taken;
    private long granted = WINDOW;
    private boolean handleOpened;
    private volatile long lastProgressNanos = System.nanoTime();

    StreamState(@Nullable EventStream<?> handle, boolean byHandlers) {
        this.handle = handle;
        this.byHandlers = byHandlers;
    }

    void bind(PendingEvent event, Link link) {
        this.event = event;
        this.link = link;
    }

    @Nullable EventStream<?> handle() {
        return handle;
    }

    /** Sent (again) to a worker: nothing received yet, a full window of credit. */
    synchronized void sent() {
        received = 0;
        handled = 0;
        taken = 0;
        granted = WINDOW;
        lastProgressNanos = System.nanoTime();
    }

    synchronized long received() {
        return received;
    }

    /** Whether the worker may send now: it has credit left. */
    synchronized boolean hasCredit() {
        return received < granted;
    }

    /** When an item last arrived or credit was last given. */
    long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** An item arrived; reader thread. */
    void received(@Nullable Object item) {
        synchronized (this) {
            received++;
            lastProgressNanos = System.nanoTime();
        }
        if (handle != null) {
            handle.push(item);
        }
        grantIfDue();
    }

    /** The output handlers processed an item. */
    void handled() {
        synchronized (this) {
            handled++;
        }
        grantIfDue();
    }

    /** The handle's consumer took an item. */
    void taken() {
        synchronized (this) {
            taken++;
        }
        grantIfDue();
    }

    /** The handle got its consumer: from now on its pace counts. */
    void handleOpened() {
        synchronized (this) {
            handleOpened = true;
        }
        grantIfDue();
    }

    void cancel() {
        PendingEvent current = event;
        Link current2 = link;
        if (current != null && current2 != null) {
            current2.cancel(current);
        }
    }

    private void grantIfDue() {
        long more;
        synchronized (this) {
            long consumed = received;
            if (byHandlers) {
                consumed = Math.min(consumed, handled);
            }
            if (handle != null) {
                consumed = Math.min(consumed, handleOpened ? taken : 0);
            }
            long target = consumed + WINDOW;
            if (target - granted < WINDOW / 2) {
                return;
            }
            more = target - granted;
            granted = target;
            lastProgressNanos = System.nanoTime();
        }
        PendingEvent current = event;
        Link current2 = link;
        if (current != null && current2 != null) {
            current2.credit(current, more);
        }
    }
}
