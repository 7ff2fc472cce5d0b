package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * An event on a cached object itself rather than a call: keeping a copy of it in a worker
 * ({@link EventLoop#cacheObject}), reading the worker's copy back ({@link Event#readCached}, the
 * seed's {@code CacheObjectEvent} with an event key), or releasing it.
 *
 * @param <T> type of the object
 */
public final class CachedObjectEvent<T> extends Event<T> {

    /** What the event does with the object. */
    enum Action {
        STORE, REPLACE, READ, RELEASE
    }

    private final transient T object;
    private final transient Action action;

    CachedObjectEvent(T object, Action action) {
        this.object = object;
        this.action = action;
        if (action != Action.READ) {
            noOutput();
        }
    }

    /** The object in this process whose worker copy the event concerns. */
    public T object() {
        return object;
    }

    Action action() {
        return action;
    }

    /** Runs only in a loop, which reads the worker's copy. */
    @Override
    public @Nullable T run() {
        throw new UnsupportedOperationException("a cached-object event runs only in a loop");
    }

    @Override
    public String toString() {
        return "CachedObjectEvent[" + action + " " + object.getClass().getSimpleName()
                + (key() == null ? "" : ", key=" + key()) + "]";
    }
}
