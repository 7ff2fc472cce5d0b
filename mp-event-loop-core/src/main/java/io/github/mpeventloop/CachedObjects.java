package io.github.mpeventloop;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The objects a loop keeps in its workers, found by identity (never by {@code equals}, the seed's
 * trap). Entries are weak: when the caller drops an object its handle comes back from the
 * reference queue, and the loop tells the worker to release its copy.
 */
final class CachedObjects {

    /** How often an idle loop's timer releases dropped objects, once it has had one. */
    private static final Duration RELEASE_PERIOD = Duration.ofMillis(100);

    private final OnDemandTick releases = new OnDemandTick(() -> releaseDropped(true), RELEASE_PERIOD);
    private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();
    private final Map<Integer, List<ObjectHandle>> byIdentity = new HashMap<>();
    private final Set<ObjectHandle> live = new HashSet<>();
    private final AtomicLong ids = new AtomicLong();

    /** The handle of {@code object}, registering it if {@code create}; {@code null} if absent and not created. */
    synchronized @Nullable ObjectHandle find(Object object, boolean create) {
        List<ObjectHandle> bucket = byIdentity.get(System.identityHashCode(object));
        if (bucket != null) {
            for (ObjectHandle handle : bucket) {
                if (handle.get() == object) {
                    return handle;
                }
            }
        }
        if (!create) {
            return null;
        }
        ObjectHandle handle = new ObjectHandle(ids.incrementAndGet(), object, object.getClass(), dropped);
        byIdentity.computeIfAbsent(handle.identityHash, key -> new ArrayList<>(1)).add(handle);
        live.add(handle);
        releases.need();
        return handle;
    }

    /** A handle for an object that exists only in a worker, owned by {@code owner} (a proxy). */
    synchronized ObjectHandle remoteOnly(Object owner, Class<?> type) {
        ObjectHandle handle = new ObjectHandle(ids.incrementAndGet(), owner, type, dropped);
        live.add(handle);
        releases.need();
        return handle;
    }

    /** Forgets {@code handle}; returns false if it was forgotten already. */
    synchronized boolean forget(ObjectHandle handle) {
        if (!live.remove(handle)) {
            return false;
        }
        handle.markReleased();
        List<ObjectHandle> bucket = byIdentity.get(handle.identityHash);
        if (bucket != null && bucket.remove(handle) && bucket.isEmpty()) {
            byIdentity.remove(handle.identityHash);
        }
        return true;
    }

    /** Handles whose objects the caller dropped since the last call; each is forgotten. */
    List<ObjectHandle> takeDropped() {
        List<ObjectHandle> handles = new ArrayList<>();
        Reference<?> reference;
        while ((reference = dropped.poll()) != null) {
            ObjectHandle handle = (ObjectHandle) reference;
            if (forget(handle)) {
                handles.add(handle);
            }
        }
        return handles;
    }

    /**
     * A run of the loop begins on {@code timer}: from the first object this loop caches on (or at
     * once, if it has had one), the timer releases dropped objects every {@link #RELEASE_PERIOD}.
     */
    void startReleasing(ScheduledExecutorService timer) {
        releases.start(timer);
    }

    /**
     * Tells the workers that hold objects their callers dropped to release them. The dispatcher
     * calls it on every turn (the frames leave with its next flush); the loop's timer calls it with
     * {@code flush}, so that an idle loop releases too ({@link #startReleasing}).
     */
    void releaseDropped(boolean flush) {
        List<ObjectHandle> handles = takeDropped();
        if (handles.isEmpty()) {
            return;
        }
        Map<WorkerSession, List<Long>> byHolder = new HashMap<>();
        for (ObjectHandle handle : handles) {
            WorkerSession holder = handle.holder();
            if (holder != null) {
                byHolder.computeIfAbsent(holder, session -> new ArrayList<>()).add(handle.id);
            }
        }
        byHolder.forEach((session, ids) -> {
            session.release(ids);
            if (flush) {
                session.flush();
            }
        });
    }

    /** Marks every object held by {@code session} lost. */
    synchronized void loseAllOn(WorkerSession session, String because) {
        for (ObjectHandle handle : live) {
            if (handle.holder() == session) {
                handle.lose(because);
            }
        }
    }

    synchronized int size() {
        return live.size();
    }
}
