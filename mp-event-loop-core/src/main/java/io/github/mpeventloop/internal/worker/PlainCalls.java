package io.github.mpeventloop.internal.worker;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The plain calls a worker received and has not answered yet, so that a {@code cancel} frame can
 * reach them from the frame-reading thread while the event thread is busy: a call still queued is
 * dropped when its turn comes, a running one is interrupted when the parent asks for it. Either way
 * the call is answered with {@code cancelled} instead of its value once the worker is done with it.
 *
 * <p>The thread that runs a call is recorded under the call's own lock and cleared (with its
 * interrupt flag) under the same lock when the call ends, so an interrupt meant for one call never
 * reaches the next.
 */
final class PlainCalls {

    private static final class Entry {
        boolean cancelled;
        @Nullable Thread runner;
    }

    private final ConcurrentHashMap<Long, Entry> calls = new ConcurrentHashMap<>();

    /** Frame reader: a plain call arrived. */
    void received(long id) {
        calls.put(id, new Entry());
    }

    /**
     * Frame reader: the parent cancels call {@code id}.
     *
     * @return false when {@code id} is no plain call waiting or running here (an asynchronous or
     *     streamed call, or one already answered)
     */
    boolean cancel(long id, boolean interrupt) {
        Entry entry = calls.get(id);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            entry.cancelled = true;
            if (interrupt && entry.runner != null) {
                entry.runner.interrupt();
            }
        }
        return true;
    }

    /** Event thread, before running call {@code id}: false when it was cancelled and must not run. */
    boolean begin(long id) {
        Entry entry = calls.get(id);
        if (entry == null) {
            return true;
        }
        synchronized (entry) {
            if (entry.cancelled) {
                calls.remove(id);
                return false;
            }
            entry.runner = Thread.currentThread();
            return true;
        }
    }

    /** Event thread, after running call {@code id}: true when it was cancelled meanwhile (its value is dropped). */
    boolean end(long id) {
        Entry entry = calls.remove(id);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            entry.runner = null;
            if (entry.cancelled) {
                Thread.interrupted();
            }
            return entry.cancelled;
        }
    }
}
