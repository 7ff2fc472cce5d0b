package io.github.mpeventloop.sample.crash;

/**
 * Crashes a worker JVM in the middle of its work, as a native crash or an abort would: the target
 * {@link #haltDuringNextTile()} arms a halt in the worker that runs it, and the next
 * {@link #checkpoint()} there, halfway through the next tile that worker renders, calls
 * {@code Runtime.getRuntime().halt(1)}. An armed worker with no tile to render stays armed until
 * it gets one.
 */
public final class Crash {

    /** Exit status of a worker halted by a crash. */
    public static final int EXIT_STATUS = 1;

    private static volatile boolean armed;

    private Crash() {
    }

    /**
     * The target of the crash event: arms the halt in this JVM and returns its pid. The event itself
     * completes; the tile this worker renders next dies with it.
     */
    public static long haltDuringNextTile() {
        armed = true;
        return ProcessHandle.current().pid();
    }

    /** Called by the work halfway through a tile: halts this JVM, at once, if a crash is armed here. */
    public static void checkpoint() {
        if (armed) {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
