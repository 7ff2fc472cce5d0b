package io.github.mpeventloop.hazelcast;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;

/**
 * The agent's side of one session: a worker process started by the core's process launcher, and
 * the relay between it and the parent. Bytes from the parent are put in order ({@link Sequencer})
 * and written to the worker; a {@link Pump} publishes the worker's bytes on the parent's topic. When
 * the worker's channel ends, its exit report goes to the parent as the session's last piece. The
 * agent reads no frame: it relays bytes.
 */
final class AgentSession {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    /** How long a worker whose channel ended may take to exit before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private record Piece(byte kind, byte[] data) {
    }

    /** How the worker's pieces reach the parent (its topic). */
    interface Publisher {
        CompletionStage<?> publish(UpChunk chunk);
    }

    private final String id;
    private final UUID parent;
    private final WorkerChannel worker;
    private final Publisher up;
    private final Runnable onEnd;
    private final Sequencer<Piece> fromParent;
    private final ArrayDeque<Piece> toWrite = new ArrayDeque<>();
    private boolean writing;
    private final AtomicBoolean killed = new AtomicBoolean();

    AgentSession(String id, UUID parent, WorkerChannel worker, Publisher up, Runnable onEnd) {
        this.id = id;
        this.parent = parent;
        this.worker = worker;
        this.up = up;
        this.onEnd = onEnd;
        this.fromParent = new Sequencer<>(this::queue);
    }

    UUID parent() {
        return parent;
    }

    void start(String name) {
        Pump.start(name + "-relay", new Pump(worker.fromWorker(),
                (seq, data) -> up.publish(UpChunk.data(id, seq, data)), this::workerEnded));
    }

    /**
     * A piece from the parent, in any order, on one of the agent's executor threads. The pieces
     * that are next in order are written to the worker by whichever thread finds no other writing:
     * a worker that does not read its input holds one thread of the agent, never every thread that
     * brings one of its pieces.
     */
    void fromParent(long seq, byte kind, byte[] data) {
        fromParent.accept(seq, new Piece(kind, data));
        synchronized (toWrite) {
            if (writing) {
                return;
            }
            writing = true;
        }
        boolean drained = false;
        try {
            while (!drained) {
                Piece piece;
                synchronized (toWrite) {
                    piece = toWrite.poll();
                    drained = piece == null;
                    if (drained) {
                        writing = false;
                    }
                }
                if (piece != null) {
                    toWorker(piece);
                }
            }
        } finally {
            if (!drained) {
                synchronized (toWrite) {
                    writing = false;
                }
            }
        }
    }

    /** The next piece in order; the sequencer's thread. */
    private void queue(Piece piece) {
        synchronized (toWrite) {
            toWrite.add(piece);
        }
    }

    private void toWorker(Piece piece) {
        if (piece.kind() == Chunk.END) {
            worker.closeChannel(); // as a local parent does: the worker sees its input end and exits
        } else {
            Pump.writeFully(worker.toWorker(), piece.data());
        }
    }

    /** Ends the worker's process at once (the parent's timeout, cancellation, or its loss). */
    void kill(String why) {
        if (killed.compareAndSet(false, true)) {
            LOG.info("Killing worker process {} of session {}: {}", worker.pid(), id, why);
            worker.destroy();
        }
    }

    private void workerEnded(long nextSeq, @Nullable Throwable failure) {
        if (failure != null) {
            LOG.debug("Session {}: the parent could not be reached: {}", id, failure.toString());
            worker.destroy();
        }
        ExitReport report = worker.awaitExit(EXIT_GRACE);
        try {
            up.publish(UpChunk.end(id, nextSeq, report));
        } catch (RuntimeException e) {
            LOG.debug("Session {}: its exit report could not be sent: {}", id, e.toString());
        } finally {
            onEnd.run();
        }
    }
}
