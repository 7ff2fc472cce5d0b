package io.github.mpeventloop.hazelcast;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;

/**
 * The bytes of a remote worker as the loop reads them: the pieces that arrived from the cluster,
 * in order, read as one stream. Whoever hands a piece in ({@link #offer}, Hazelcast's event thread)
 * never waits for the loop's reader, so one slow reader does not hold up the pieces of other
 * sessions that arrive on the same thread. The loop bounds what waits here: a worker sends no more
 * than the answers to the events the loop let it hold. Hand-written instead of a {@code Pipe}: the
 * pieces are handed over as they are, without a copy through the kernel or a thread that pumps
 * them.
 */
final class InboundPieces implements ReadableByteChannel {

    private final ArrayDeque<byte[]> pieces = new ArrayDeque<>();
    private int offset;
    private boolean ended;
    private boolean closed;

    /** Appends a piece (dropped once the loop closed its end). */
    synchronized void offer(byte[] piece) {
        if (closed || ended || piece.length == 0) {
            return;
        }
        pieces.add(piece);
        notifyAll();
    }

    /** No piece follows: the reader gets the end of the stream once it has read what is here. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    @Override
    public synchronized int read(ByteBuffer target) throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
        while (pieces.isEmpty() && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            }
            if (closed) {
                throw new AsynchronousCloseException();
            }
        }
        if (pieces.isEmpty()) {
            return -1;
        }
        int read = 0;
        while (target.hasRemaining() && !pieces.isEmpty()) {
            byte[] piece = pieces.peekFirst();
            int length = Math.min(target.remaining(), piece.length - offset);
            target.put(piece, offset, length);
            read += length;
            offset += length;
            if (offset == piece.length) {
                pieces.removeFirst();
                offset = 0;
            }
        }
        return read;
    }

    @Override
    public synchronized boolean isOpen() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        pieces.clear();
        notifyAll();
    }
}
