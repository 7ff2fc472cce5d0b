package io.github.mpeventloop.sample.crash;

/** The target of the crash event: it kills the JVM it runs in, as a native crash or an abort would. */
public final class Crash {

    /** Exit status of a worker killed by {@link #haltWorker()}. */
    public static final int EXIT_STATUS = 1;

    private Crash() {
    }

    /** Halts this JVM at once: no shutdown hooks, no answer. Meant to run in a worker. */
    public static void haltWorker() {
        Runtime.getRuntime().halt(EXIT_STATUS);
    }
}
