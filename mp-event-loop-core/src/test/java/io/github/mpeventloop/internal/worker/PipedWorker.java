package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.BiFunction;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;

/**
 * A worker loop on a thread of the test JVM behind two pipes, whose parent's side the test plays
 * with hand-written frames: {@link #reader} reads the worker's frames, {@link #writer} sends it
 * frames. Closing ends the worker's input and waits for the loop to end.
 */
final class PipedWorker implements AutoCloseable {

    final FrameReader reader;
    final FrameWriter writer;
    private final Pipe toWorker;
    private final Pipe toParent;
    private final Thread thread;

    private PipedWorker(Pipe toWorker, Pipe toParent, Thread thread) {
        this.toWorker = toWorker;
        this.toParent = toParent;
        this.thread = thread;
        this.reader = new FrameReader(toParent.source(), 1 << 20, () -> { });
        this.writer = new FrameWriter(toWorker.sink(), 1 << 20);
    }

    /** Starts the loop that {@code loop} makes on the worker's ends of the pipes, to say hello with {@code secret}. */
    static PipedWorker start(String secret, BiFunction<ReadableByteChannel, WritableByteChannel, WorkerLoop> loop)
            throws IOException {
        Pipe toWorker = Pipe.open();
        Pipe toParent = Pipe.open();
        WorkerLoop worker = loop.apply(toWorker.source(), toParent.sink());
        Thread thread = new Thread(() -> {
            try {
                worker.run(secret);
            } catch (IOException e) {
                // the test closed the channel
            }
        }, "piped-test-worker");
        thread.start();
        return new PipedWorker(toWorker, toParent, thread);
    }

    @Override
    public void close() throws Exception {
        toWorker.sink().close();
        thread.join(10_000);
        toParent.source().close();
    }
}
