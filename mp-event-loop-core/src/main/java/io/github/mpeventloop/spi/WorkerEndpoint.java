package io.github.mpeventloop.spi;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import io.github.mpeventloop.internal.worker.WorkerLoop;

/**
 * The worker's side of a {@link WorkerChannel}: serves a loop over a pair of byte channels, in the
 * calling thread, until the loop says goodbye or the input ends. A launcher that places workers
 * somewhere of its own (a thread, a cluster member) starts a thread there that calls
 * {@link #serve}; worker JVMs started by the default launcher run
 * {@code io.github.mpeventloop.worker.WorkerMain}, which serves the same worker loop over its
 * socket. With {@code WorkerMain}, this is the one way into the worker side, whose machinery is
 * internal.
 */
public final class WorkerEndpoint {

    private WorkerEndpoint() {
    }

    /**
     * Runs the worker: its handshake (presenting {@code secret}), then events, until the parent is
     * done with it.
     *
     * @param in the bytes from the parent
     * @param out the bytes to the parent
     * @param secret the one-time secret the launcher was given for this worker
     * @param loader the class loader targets and their types are loaded with
     * @throws IOException if the channel fails
     */
    public static void serve(ReadableByteChannel in, WritableByteChannel out, String secret, ClassLoader loader)
            throws IOException {
        new WorkerLoop(in, out, loader).run(secret);
    }
}
