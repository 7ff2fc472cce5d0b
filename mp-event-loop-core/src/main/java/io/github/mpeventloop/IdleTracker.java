package io.github.mpeventloop;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts events accepted and not yet finished (run and handled), and lets threads wait for zero. */
final class IdleTracker {

    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final Object monitor = new Object();

    void add() {
        outstanding.incrementAndGet();
    }

    void done() {
        finished.incrementAndGet();
        if (outstanding.decrementAndGet() == 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    long outstanding() {
        return outstanding.get();
    }

    /**
     * Waits until nothing is outstanding for as long as events keep finishing: false once
     * {@code stallNanos} passed without any event finishing.
     */
    boolean awaitWhileProgressing(long stallNanos) throws InterruptedException {
        while (true) {
            long before = finished.get();
            if (await(stallNanos)) {
                return true;
            }
            if (finished.get() == before) {
                return false;
            }
        }
    }

    /** Waits until nothing is outstanding; false if {@code timeoutNanos} passed first. */
    boolean await(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (monitor) {
            while (outstanding.get() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
            }
            return true;
        }
    }
}
