package io.github.mpeventloop.internal.launch;

/** Starts workers for one loop: child JVMs or threads, behind the same channel and handshake. */
public interface WorkerLauncher extends AutoCloseable {

    /**
     * Starts a worker and completes the handshake with it.
     *
     * @throws io.github.mpeventloop.WorkerStartException if it does not come up
     */
    LaunchedWorker launch(int workerId);

    /** Releases what the launcher holds (its runtime directory); started workers are not touched. */
    @Override
    void close();
}
