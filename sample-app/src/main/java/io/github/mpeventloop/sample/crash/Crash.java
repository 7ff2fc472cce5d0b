package io.github.mpeventloop.sample.crash;

/**
 * Crashes a worker JVM in the middle of its work, as a native crash or an abort would: the target
 * {@link #haltDuringNextTile()} arms a halt in the worker that runs it, and the next
 * {@link #checkpoint()} of the work there, inside a tile, calls {@code Runtime.getRuntime().halt(1)}.
 * A worker with no tile to render halts within {@link #FALLBACK_MILLIS} anyway.
 */
public final class Crash {

    /** Exit status of a worker halted by a crash. */
    public static final int EXIT_STATUS = 1;

    /** Longest an armed worker waits for a tile before it halts anyway. */
    public static final long FALLBACK_MILLIS = 2000;

    private static volatile boolean armed;

    private Crash() {
    }

    /**
     * The target of the crash event: arms the halt in this JVM and returns its pid. The event itself
     * completes; the tile this worker renders next dies with it.
     */
    public static long haltDuringNextTile() {
        armed = true;
        Thread fallback = new Thread(() -> {
            try {
                Thread.sleep(FALLBACK_MILLIS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_STATUS);
        }, "crash-fallback");
        fallback.setDaemon(true);
        fallback.start();
        return ProcessHandle.current().pid();
    }

    /** Called by the work between its steps: halts this JVM, at once, if a crash is armed here. */
    public static void checkpoint() {
        if (armed) {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
