package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The bytes the loop writes to a remote worker, sent into the cluster as numbered pieces straight
 * from the writing thread: a write sends at once while fewer than {@link #WINDOW} pieces are in
 * flight; otherwise its bytes wait, and the next piece to arrive sends everything that waited as
 * one piece. So an idle session sends a lone event without a thread hand-off, and a busy one sends
 * few, large pieces. Writes block only while {@link #MAX_WAITING_BYTES} wait. Closing sends what
 * waits and then the end of the stream. Hand-written: it is a buffer, a counter and a monitor, and
 * it is what spares a thread and a kernel pipe per session.
 */
final class OutboundPieces implements WritableByteChannel {

    /** Pieces in flight per session. */
    static final int WINDOW = 8;
    /** Bytes that may wait for a free place in the window before writers wait too. */
    static final int MAX_WAITING_BYTES = 4 << 20;
    private static final int INITIAL_BYTES = 64 << 10;

    /** Sends one numbered piece of a kind ({@link Chunk#DATA} or {@link Chunk#END}); the stage fails if it was not delivered. */
    interface Sender {
        CompletionStage<?> send(long seq, byte kind, byte[] data);
    }

    private final Sender sender;
    private final Executor followUps;
    private final Consumer<Throwable> onFailure;
    private byte[] waiting = new byte[INITIAL_BYTES];
    private int waitingBytes;
    private int inFlight;
    private long nextSeq;
    private boolean open = true;
    private @Nullable Throwable failure;

    /**
     * {@code followUps} sends what waited when a piece arrives, and what closing sends: the answer
     * to a piece may come on a thread of Hazelcast's that must not send (a response thread).
     * {@code onFailure} hears of the first piece that could not be delivered, once.
     */
    OutboundPieces(Sender sender, Executor followUps, Consumer<Throwable> onFailure) {
        this.sender = sender;
        this.followUps = followUps;
        this.onFailure = onFailure;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        int length = source.remaining();
        if (length == 0) {
            return 0;
        }
        byte[] piece;
        long seq;
        synchronized (this) {
            while (open && failure == null && waitingBytes >= MAX_WAITING_BYTES) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the remote worker's pieces were in flight");
                }
            }
            if (!open) {
                throw new ClosedChannelException();
            }
            if (failure != null) {
                throw new IOException("the remote worker's agent could not be reached: " + failure, failure);
            }
            append(source);
            if (inFlight >= WINDOW) {
                return length;
            }
            piece = takeWaiting();
            seq = nextSeq++;
            inFlight++;
        }
        send(seq, Chunk.DATA, piece);
        return length;
    }

    private void append(ByteBuffer source) {
        int length = source.remaining();
        if (waiting.length - waitingBytes < length) {
            waiting = Arrays.copyOf(waiting, Math.max(waiting.length * 2, waitingBytes + length));
        }
        source.get(waiting, waitingBytes, length);
        waitingBytes += length;
    }

    private byte[] takeWaiting() {
        byte[] piece = Arrays.copyOf(waiting, waitingBytes);
        waitingBytes = 0;
        if (waiting.length > MAX_WAITING_BYTES) {
            waiting = new byte[INITIAL_BYTES];
        }
        return piece;
    }

    private void send(long seq, byte kind, byte[] piece) {
        CompletionStage<?> sent;
        try {
            sent = sender.send(seq, kind, piece);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ignored, error) -> sent(error));
    }

    /** A piece arrived (or failed): its place in the window goes to what waits. */
    private void sent(@Nullable Throwable error) {
        byte[] next = null;
        long seq = 0;
        boolean firstFailure = false;
        synchronized (this) {
            inFlight--;
            if (error != null) {
                if (failure == null) {
                    failure = error;
                    firstFailure = true;
                }
            } else if (failure == null && waitingBytes > 0) {
                next = takeWaiting();
                seq = nextSeq++;
                inFlight++;
            }
            notifyAll();
        }
        if (firstFailure) {
            onFailure.accept(error);
        }
        if (next != null) {
            byte[] piece = next;
            long pieceSeq = seq;
            followUp(() -> send(pieceSeq, Chunk.DATA, piece));
        }
    }

    private void followUp(Runnable sending) {
        try {
            followUps.execute(sending);
        } catch (RejectedExecutionException e) {
            // the launcher is closed: nothing is sent any more
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    /** Sends what waits, then the end of the stream (nothing after a failure). */
    @Override
    public void close() {
        byte[] last = null;
        long lastSeq = 0;
        long endSeq;
        synchronized (this) {
            if (!open) {
                return;
            }
            open = false;
            notifyAll();
            if (failure != null) {
                return;
            }
            if (waitingBytes > 0) {
                last = takeWaiting();
                lastSeq = nextSeq++;
                inFlight++;
            }
            endSeq = nextSeq++;
        }
        byte[] lastPiece = last;
        long lastPieceSeq = lastSeq;
        followUp(() -> {
            if (lastPiece != null) {
                send(lastPieceSeq, Chunk.DATA, lastPiece);
            }
            try {
                sender.send(endSeq, Chunk.END, new byte[0]);
            } catch (RuntimeException e) {
                // the agent is gone; its loss is reported by the heartbeats or the membership
            }
        });
    }
}
