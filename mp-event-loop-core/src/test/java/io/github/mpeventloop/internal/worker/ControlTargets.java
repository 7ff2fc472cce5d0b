package io.github.mpeventloop.internal.worker;

import java.util.concurrent.atomic.AtomicInteger;

/** Targets that the worker-control tests name by hand in their frames. */
public final class ControlTargets {

    private static final AtomicInteger COUNTED = new AtomicInteger();

    private ControlTargets() {
    }

    /** Sleeps {@code millis}; "interrupted" when interrupted. */
    public static String sleep(long millis) {
        try {
            Thread.sleep(millis);
            return "slept";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    /** Creates the file {@code marker} (so a test knows the call runs), then sleeps {@code millis}. */
    public static String markThenSleep(String marker, long millis) throws java.io.IOException {
        java.nio.file.Files.createFile(java.nio.file.Path.of(marker));
        return sleep(millis);
    }

    /** Spins without looking at interrupts for {@code millis}. */
    public static String spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum++;
        }
        return "spun " + (sum > 0);
    }

    /** Counts one run. */
    public static int count() {
        return COUNTED.incrementAndGet();
    }

    /** How many runs {@link #count()} saw. */
    public static int counted() {
        return COUNTED.get();
    }

    /** Whether the thread running this call carries an interrupt. */
    public static boolean interruptedFlag() {
        return Thread.currentThread().isInterrupted();
    }
}
