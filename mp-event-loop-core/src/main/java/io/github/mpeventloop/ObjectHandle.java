package io.github.mpeventloop;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

import org.jspecify.annotations.Nullable;

/**
 * The parent's record of one object that lives in a worker: its id there, its class, the worker
 * that holds it (fixed when its first event is dispatched: every later event on it goes there),
 * and why it was lost, if it was. Weakly reachable from the object itself, so that an object the
 * caller dropped can be released in the worker too.
 */
final class ObjectHandle extends WeakReference<Object> {

    final long id;
    final Class<?> type;
    final int identityHash;
    private volatile @Nullable WorkerSession holder;
    private volatile @Nullable String lostBecause;
    private volatile boolean released;
    private volatile java.util.function.@Nullable Supplier<PendingEvent> rebuild;
    private volatile @Nullable String lostBeforeRevival;

    ObjectHandle(long id, Object object, Class<?> type, @Nullable ReferenceQueue<Object> queue) {
        super(object, queue);
        this.id = id;
        this.type = type;
        this.identityHash = System.identityHashCode(object);
    }

    @Nullable WorkerSession holder() {
        return holder;
    }

    void placeOn(WorkerSession session) {
        holder = session;
    }

    @Nullable String lostBecause() {
        return lostBecause;
    }

    void lose(String because) {
        lostBecause = because;
    }

    /** Lets a lost object be built again: {@code creation} makes the event that builds it. */
    void rebuildWith(java.util.function.Supplier<PendingEvent> creation) {
        this.rebuild = creation;
    }

    /**
     * Makes a lost object placeable again and returns the event that builds it anew, or
     * {@code null} if it has no way to be rebuilt.
     */
    @Nullable PendingEvent revive() {
        java.util.function.Supplier<PendingEvent> creation = rebuild;
        if (creation == null || lostBecause == null) {
            return null;
        }
        lostBeforeRevival = lostBecause;
        lostBecause = null;
        holder = null;
        return creation.get();
    }

    @Nullable String lostBecauseBeforeRevival() {
        return lostBeforeRevival;
    }

    boolean isReleased() {
        return released;
    }

    void markReleased() {
        released = true;
    }

    CachedObjectLostException lostError() {
        return new CachedObjectLostException("cached object #" + id + " (" + type.getName() + ") was lost: "
                + lostBecause);
    }

    @Override
    public String toString() {
        return "#" + id + " " + type.getSimpleName();
    }
}
