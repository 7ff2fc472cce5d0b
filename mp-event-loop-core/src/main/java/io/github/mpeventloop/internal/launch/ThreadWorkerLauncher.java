package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerEndpoint;
import io.github.mpeventloop.spi.WorkerLauncher;

/**
 * Starts each worker as a thread of this JVM that serves the same worker side, over a pair of
 * in-memory pipes carrying the same frames: every argument and result makes the same JSON round
 * trip as with worker processes, without their isolation.
 */
public final class ThreadWorkerLauncher implements WorkerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadWorkerLauncher.class);

    private final LaunchSettings settings;

    public ThreadWorkerLauncher(LaunchSettings settings) {
        this.settings = settings;
    }

    @Override
    public WorkerChannel launch(int workerId, String secret) {
        String name = settings.loopName() + "-worker-" + workerId;
        try {
            Pipe toWorker = Pipe.open();
            Pipe toParent = Pipe.open();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Thread thread = new Thread(() -> {
                try {
                    WorkerEndpoint.serve(toWorker.source(), toParent.sink(), secret, loader);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{} ended: {}", name, e.toString());
                } finally {
                    closeQuietly(toParent.sink());
                    closeQuietly(toWorker.source());
                }
            }, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            thread.start();
            return new ThreadWorker(workerId, thread, toWorker, toParent);
        } catch (IOException | RuntimeException e) {
            throw new WorkerStartException(name + " could not be started: " + e, e);
        }
    }

    @Override
    public void close() {
        // nothing held
    }

    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    private record ThreadWorker(int id, Thread thread, Pipe toWorkerPipe, Pipe toParentPipe) implements WorkerChannel {

        @Override
        public long pid() {
            return ProcessHandle.current().pid();
        }

        @Override
        public ReadableByteChannel fromWorker() {
            return toParentPipe.source();
        }

        @Override
        public WritableByteChannel toWorker() {
            return toWorkerPipe.sink();
        }

        @Override
        public void closeChannel() {
            closeQuietly(toWorkerPipe.sink());
            closeQuietly(toParentPipe.source());
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
