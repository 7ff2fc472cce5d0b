package io.github.mpeventloop;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where the dispatcher sleeps when it can do nothing, and what wakes it: an event queued, a
 * worker that came or went, a stop ({@link #wake()}), and room in a worker's window, but only
 * while events wait for it ({@link #roomFreed()}): an answer to a lone event wakes nobody. Wakers
 * pay for the lock only while the dispatcher actually sleeps; the dispatcher checks its condition
 * again after announcing that it sleeps (and whether events wait for room), so no wake-up is lost
 * between its check and its sleep.
 */
final class DispatchSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean sleeping;
    private volatile boolean waitingForRoom;

    void wake() {
        if (sleeping) {
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
     * Sleeps until woken, unless {@code canProceed} holds once sleeping was announced;
     * {@code eventsWaiting} says, once it was announced too, whether room in a worker would let
     * events go.
     */
    void sleepUnless(BooleanSupplier canProceed, BooleanSupplier eventsWaiting) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            sleeping = true;
            waitingForRoom = eventsWaiting.getAsBoolean();
            if (!canProceed.getAsBoolean()) {
                changed.await();
            }
        } finally {
            sleeping = false;
            waitingForRoom = false;
            lock.unlock();
        }
    }
}
