package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.worker.WorkerLoop;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts each worker as a thread of this JVM that runs the same worker loop, over a pair of
 * in-memory pipes carrying the same frames: every argument and result makes the same JSON round
 * trip as with worker processes, without their isolation.
 */
public final class ThreadWorkerLauncher implements WorkerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadWorkerLauncher.class);

    private final LaunchSettings settings;
    private final JsonMapper mapper = WireMapper.create();

    public ThreadWorkerLauncher(LaunchSettings settings) {
        this.settings = settings;
    }

    @Override
    public LaunchedWorker launch(int workerId) {
        String name = settings.loopName() + "-worker-" + workerId;
        String secret = Secrets.newSecret();
        try {
            Pipe toWorker = Pipe.open();
            Pipe toParent = Pipe.open();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Thread thread = new Thread(() -> {
                try {
                    new WorkerLoop(toWorker.source(), toParent.sink(), loader).run(secret);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{} ended: {}", name, e.toString());
                } finally {
                    ProcessWorkerLauncher.closeQuietly(toParent.sink());
                    ProcessWorkerLauncher.closeQuietly(toWorker.source());
                }
            }, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            thread.start();
            FrameReader reader = new FrameReader(toParent.source(), settings.maxFrameBytes(), () -> { });
            FrameWriter writer = new FrameWriter(toWorker.sink(), settings.maxFrameBytes());
            ThreadWorker worker = new ThreadWorker(workerId, thread, toWorker, toParent, reader, writer);
            try {
                Handshake.welcome(reader, writer, mapper, secret, settings.welcome(workerId));
            } catch (IOException | RuntimeException e) {
                worker.destroy();
                throw e;
            }
            return worker;
        } catch (IOException | RuntimeException e) {
            throw new WorkerStartException(name + " could not be started: " + e, e);
        }
    }

    @Override
    public void close() {
        // nothing held
    }

    private record ThreadWorker(int id, Thread thread, Pipe toWorker, Pipe toParent, FrameReader reader,
            FrameWriter writer) implements LaunchedWorker {

        @Override
        public long pid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public void closeChannel() {
            ProcessWorkerLauncher.closeQuietly(toWorker.sink());
            ProcessWorkerLauncher.closeQuietly(toParent.source());
        }

        @Override
        public ExitReport awaitExit(Duration grace) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeChannel();
            return new ExitReport(null, "worker thread " + thread.getName()
                    + (thread.isAlive() ? " is still running" : " ended"), List.of());
        }

        @Override
        public void destroy() {
            closeChannel();
            thread.interrupt();
        }
    }
}
