package io.github.mpeventloop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times a fixed count of events shared by several callers, one thread each: every caller takes the
 * next index until all are taken. The CPU-bound rows of the peers (one event in flight per child or
 * per caller) are measured this way.
 */
public final class SharedWork {

    /** One caller: runs the event with the given index, blocking until it is answered. */
    @FunctionalInterface
    public interface Caller {
        void call(int index) throws Exception;
    }

    private SharedWork() {
    }

    /** Wall seconds until the callers ran {@code events} events; the first failure of any caller is rethrown. */
    public static double wallSeconds(String what, List<? extends Caller> callers, int events)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Caller caller : callers) {
            threads.add(new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < events) {
                        caller.call(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(what + " failed", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
