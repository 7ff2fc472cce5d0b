package io.github.mpeventloop.spi;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;

/**
 * A started worker as its launcher hands it to the loop: the bytes it sends, the bytes it is sent,
 * its process id, and the means to end it. The loop has one thread reading {@link #fromWorker()}
 * and writes {@link #toWorker()} from any thread under its own lock. Closing the channel is how the
 * loop lets a worker go; the worker sees its input end and exits.
 */
public interface WorkerChannel {

    /** The id the loop gave the worker. */
    int id();

    /** Process id of the worker's JVM (this JVM's for a worker thread), or -1 if unknown. */
    long pid();

    /** The bytes the worker sends. */
    ReadableByteChannel fromWorker();

    /** The bytes sent to the worker. */
    WritableByteChannel toWorker();

    /** Closes the parent's end of the channel; the worker sees it end and exits. */
    void closeChannel();

    /**
     * Waits up to {@code grace} for the worker to end, ends it by force if it did not, and reports
     * how it ended; the channel is closed on return.
     */
    ExitReport awaitExit(Duration grace);

    /** Ends the worker at once. */
    void destroy();
}
