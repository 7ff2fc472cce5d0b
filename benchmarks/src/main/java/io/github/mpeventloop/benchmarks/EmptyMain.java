package io.github.mpeventloop.benchmarks;

/**
 * A main that does nothing: the harness times a JVM that runs it, from launch to exit, as the floor
 * that this machine's JVM sets under every start-up figure of the run.
 */
public final class EmptyMain {

    private EmptyMain() {
    }

    /** Returns at once. */
    public static void main(String[] args) {
        // nothing: the JVM's own start and exit are what is timed
    }
}
