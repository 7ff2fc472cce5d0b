package io.github.mpeventloop;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Where the dispatcher sleeps when it can do nothing, and what wakes it: an event queued, a
 * worker with room, a worker that came or went, a stop. Wakers pay for the lock only while the
 * dispatcher actually sleeps; the dispatcher checks its condition again after announcing that it
 * sleeps, so no wake-up is lost between its check and its sleep.
 */
final class DispatchSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean sleeping;

    void wake() {
        if (sleeping) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sleeps until woken, unless {@code canProceed} holds once sleeping was announced. */
    void sleepUnless(BooleanSupplier canProceed) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            sleeping = true;
            if (!canProceed.getAsBoolean()) {
                changed.await();
            }
        } finally {
            sleeping = false;
            lock.unlock();
        }
    }
}
