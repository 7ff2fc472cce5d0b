package io.github.mpeventloop.worker;

import java.io.IOException;

import io.github.mpeventloop.internal.worker.WorkerProcess;

/**
 * Main class of a worker JVM: the class the process launcher starts (and names to Spring Boot's
 * {@code PropertiesLauncher} for an executable jar). It reads one line from standard input
 * ({@code MPEL1 <secret> <socket path>}), runs the
 * {@link io.github.mpeventloop.spi.bootstrap.WorkerBootstrap}s on its class path, connects to its
 * parent, and serves events until the parent says shutdown. It exits on its own when the parent is
 * gone: at the end of its standard input (immediate, whatever killed the parent) and, as a second
 * watch, when the parent process it started under is no longer alive (checked every second; a
 * zombie counts as dead). A custom worker main ({@code EventLoopBuilder.workerMainClass}) may do its
 * own set-up and then call {@link #main(String[])}.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    /**
     * Serves one parent: reads the handshake line, ignores terminal interrupts, connects and runs
     * the worker loop; the JVM halts when the parent is done with it.
     */
    public static void main(String[] args) throws IOException {
        WorkerProcess.serve();
    }
}
