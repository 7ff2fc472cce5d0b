package io.github.mpeventloop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The live workers of a loop, and where the dispatcher waits for one of them to have room. The
 * dispatcher flushes every worker's buffered frames before it waits, so a worker is never kept
 * waiting for events that sit in the parent.
 */
final class WorkerPool {

    private final CopyOnWriteArrayList<WorkerSession> sessions = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean dispatcherWaiting;
    private boolean closed;

    void add(WorkerSession session) {
        sessions.add(session);
        signal();
    }

    void remove(WorkerSession session) {
        sessions.remove(session);
        signal();
    }

    List<WorkerSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Wakes the dispatcher if it waits: a worker answered, came or went. */
    void capacityChanged() {
        if (dispatcherWaiting) {
            signal();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void setClosed(boolean closed) {
        lock.lock();
        try {
            this.closed = closed;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The worker with the most room, waiting for one to have room; {@code null} once closed. */
    @Nullable WorkerSession awaitCapacity() throws InterruptedException {
        WorkerSession best = roomiest();
        if (best != null) {
            return best;
        }
        flushAll();
        lock.lockInterruptibly();
        try {
            dispatcherWaiting = true;
            while (!closed) {
                best = roomiest();
                if (best != null) {
                    return best;
                }
                changed.await();
            }
            return null;
        } finally {
            dispatcherWaiting = false;
            lock.unlock();
        }
    }

    private @Nullable WorkerSession roomiest() {
        WorkerSession best = null;
        int bestRoom = 0;
        for (WorkerSession session : sessions) {
            int room = session.freeSlots();
            if (room > bestRoom) {
                best = session;
                bestRoom = room;
            }
        }
        return best;
    }

    void flushAll() {
        for (WorkerSession session : sessions) {
            if (session.buffered() > 0) {
                session.flush();
            }
        }
    }
}
