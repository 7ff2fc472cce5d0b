package io.github.mpeventloop.spi;

/**
 * Starts workers for one loop and hands back their byte channels. Implementations place the worker
 * (a thread, a child JVM, a cluster member) and connect its channel; they neither read nor write
 * frames. The loop calls {@link #launch} from its own starter threads, possibly several at once.
 */
public interface WorkerLauncher extends AutoCloseable {

    /**
     * Starts worker {@code workerId} and returns its channel, once the bytes can flow. The worker
     * must be given {@code secret} by a route only it can read (its standard input, an in-memory
     * argument, a message to one member): it presents the secret in its first frame, and the loop
     * refuses a peer that does not.
     *
     * @param workerId the loop's id for the worker, unique within the loop
     * @param secret a one-time secret for this worker
     * @return the worker's channel
     * @throws RuntimeException if the worker does not come up; a
     *     {@code io.github.mpeventloop.WorkerStartException} naming the cause is preferred
     */
    WorkerChannel launch(int workerId, String secret);

    /**
     * How many times more work the loop keeps in flight per worker of this launcher than per local
     * worker; 1 by default. A launcher whose channel has a long round trip, or costs much per piece
     * of bytes whatever its size (a network hop, a cluster's messaging), asks for more: each piece
     * then carries more events, and the worker does not run dry while the next ones travel. The loop
     * multiplies its flow window (about 2 ms of queued work per worker) by it, and so the default
     * {@code maxInFlightPerWorker}; a maximum the loop's builder was given is kept as it is.
     *
     * @return a factor of at least 1 (a smaller one counts as 1)
     */
    default int inFlightFactor() {
        return 1;
    }

    /** Releases what the launcher holds (a runtime directory, a listener); started workers are not touched. */
    @Override
    void close();
}
