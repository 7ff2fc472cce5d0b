package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;

/**
 * One rule of the agent's relay: a worker that does not read its input holds the one thread that
 * writes to it, not the agent's other executor threads, which bring its further pieces and serve
 * other sessions meanwhile. The worker channels are fakes whose input can be made to block.
 */
class AgentSessionTest {

    /** A worker whose input blocks until the test releases it, recording what it was sent. */
    private static final class InputOfWorker implements WorkerChannel {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release;
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();

        InputOfWorker(boolean stuck) {
            release = new CountDownLatch(stuck ? 1 : 0);
        }

        String written() {
            synchronized (written) {
                return written.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public int id() {
            return 1;
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public ReadableByteChannel fromWorker() {
            throw new UnsupportedOperationException("the session is not started here");
        }

        @Override
        public WritableByteChannel toWorker() {
            return new WritableByteChannel() {
                @Override
                public int write(ByteBuffer source) {
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    int length = source.remaining();
                    byte[] bytes = new byte[length];
                    source.get(bytes);
                    synchronized (written) {
                        written.writeBytes(bytes);
                    }
                    return length;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void closeChannel() {
        }

        @Override
        public ExitReport awaitExit(Duration grace) {
            return new ExitReport(0, "ended", List.of());
        }

        @Override
        public void destroy() {
        }
    }

    private static AgentSession session(WorkerChannel worker) {
        return new AgentSession(UUID.randomUUID().toString(), UUID.randomUUID(), worker,
                chunk -> CompletableFuture.completedFuture(null), () -> { });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(60) // guards against a hang: without the rule, the second piece waits for the stuck write
    void aWorkerThatDoesNotReadHoldsOnlyTheThreadWritingToIt() throws Exception {
        InputOfWorker stuck = new InputOfWorker(true);
        AgentSession stuckSession = session(stuck);
        ExecutorService executorThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = executorThread.submit(() -> stuckSession.fromParent(0, Chunk.DATA, bytes("a")));
            stuck.writing.await();

            stuckSession.fromParent(2, Chunk.DATA, bytes("c"));
            stuckSession.fromParent(1, Chunk.DATA, bytes("b"));
            InputOfWorker other = new InputOfWorker(false);
            session(other).fromParent(0, Chunk.DATA, bytes("other"));
            assertThat(other.written()).as("another session, while the first is stuck").isEqualTo("other");
            assertThat(stuck.written()).isEmpty();

            stuck.release.countDown();
            first.get();
            assertThat(stuck.written()).as("written in order by the thread that was stuck").isEqualTo("abc");
        } finally {
            executorThread.shutdownNow();
        }
    }
}
