package io.github.mpeventloop.spi;

/**
 * Makes the launcher of one run of a loop: called at every {@code EventLoop.start()} with the
 * loop's launch settings; the launcher is closed when the loop stops.
 */
@FunctionalInterface
public interface WorkerLauncherFactory {

    /** A launcher for workers started with {@code settings}. */
    WorkerLauncher create(LaunchSettings settings);
}
