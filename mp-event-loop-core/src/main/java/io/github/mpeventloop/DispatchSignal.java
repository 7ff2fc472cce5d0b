package io.github.mpeventloop;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where the dispatcher sleeps when it can do nothing, and what wakes it: a worker that came or
 * went, a stop ({@link #wake()}); an event queued, unless events queued before it already wait for
 * room ({@link #queued()}: it would wait behind them); and room in a worker's window, but only
 * while events wait for it ({@link #roomFreed()}: an answer to a lone event wakes nobody). Wakers
 * pay for the lock only while the dispatcher actually sleeps; the dispatcher checks its condition
 * again after announcing that it sleeps (and what waits), so no wake-up is lost between its check
 * and its sleep.
 */
final class DispatchSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean sleeping;
    private volatile boolean waitingForRoom;
    private volatile boolean queueWaiting;

    void wake() {
        if (sleeping) {
            signal();
        }
    }

    /** An event was queued: wakes the dispatcher unless the queue already waits for room. */
    void queued() {
        if (sleeping && !queueWaiting) {
            signal();
        }
    }

    /** A worker has room again: wakes the dispatcher only if it sleeps with events waiting for room. */
    void roomFreed() {
        if (sleeping && waitingForRoom) {
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

    /**
     * Sleeps until woken, unless {@code canProceed} holds once sleeping was announced. Once it was
     * announced too, {@code queueHolds} and {@code backlogsHold} say whether events wait in the
     * queue and in the workers' backlogs, which room in a worker would let go.
     */
    void sleepUnless(BooleanSupplier canProceed, BooleanSupplier queueHolds, BooleanSupplier backlogsHold)
            throws InterruptedException {
        lock.lockInterruptibly();
        try {
            sleeping = true;
            queueWaiting = queueHolds.getAsBoolean();
            waitingForRoom = queueWaiting || backlogsHold.getAsBoolean();
            if (!canProceed.getAsBoolean()) {
                changed.await();
            }
        } finally {
            sleeping = false;
            waitingForRoom = false;
            queueWaiting = false;
            lock.unlock();
        }
    }
}
