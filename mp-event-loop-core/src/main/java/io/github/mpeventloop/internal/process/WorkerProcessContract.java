package io.github.mpeventloop.internal.process;

/**
 * The names a worker JVM and the launcher that starts it share: the system property carrying the
 * worker's id, and the first word of the line the worker reads on its standard input
 * ({@code MPEL1 <secret> <socket path>}).
 */
public final class WorkerProcessContract {

    /** System property set in every worker JVM to its worker id. */
    public static final String WORKER_ID_PROPERTY = "mp.event-loop.worker.id";
    /** First word of the line a worker reads on its standard input. */
    public static final String HANDSHAKE_LINE_PREFIX = "MPEL1";
    /**
     * Start of the line a worker JVM writes on its standard error when a
     * {@link io.github.mpeventloop.spi.bootstrap.WorkerBootstrap} failed; the rest of the line is the reason.
     */
    public static final String START_FAILURE_LINE_PREFIX = "mp-event-loop worker start-up failed: ";
    /** Exit code of a worker JVM whose bootstrap failed. */
    public static final int START_FAILURE_EXIT_CODE = 78;

    private WorkerProcessContract() {
    }
}
