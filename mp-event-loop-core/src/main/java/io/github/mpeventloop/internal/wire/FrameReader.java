package io.github.mpeventloop.internal.wire;

import io.github.mpeventloop.FrameTooLargeException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

import org.jspecify.annotations.Nullable;

/**
 * Reads length-prefixed frames from a channel with a buffer of its own. The length is checked
 * against the frame limit before any room is made for the frame. When no whole frame is buffered,
 * the reader runs its {@code beforeBlocking} action (typically a flush of the peer's writer) and
 * only then blocks on the channel: that is what lets a busy stream carry many frames per write.
 * Not thread-safe: one reader thread per channel.
 */
public final class FrameReader {

    private static final int INITIAL_CAPACITY = 64 << 10;

    private final ReadableByteChannel channel;
    private volatile int maxFrameBytes;
    private volatile Runnable beforeBlocking;
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);

    public FrameReader(ReadableByteChannel channel, int maxFrameBytes, Runnable beforeBlocking) {
        this.channel = channel;
        this.maxFrameBytes = maxFrameBytes;
        this.beforeBlocking = beforeBlocking;
        buffer.flip();
    }

    /** Changes what runs before the reader blocks, for example when its owner changes after a handshake. */
    public void setBeforeBlocking(Runnable beforeBlocking) {
        this.beforeBlocking = beforeBlocking;
    }

    /** Changes the frame limit, as the handshake settles it. */
    public void setMaxFrameBytes(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** A frame's bytes; valid until the next call of {@link FrameReader#next()}. */
    public record Frame(byte[] array, int offset, int length) {
    }

    /** Whether a whole frame is buffered, so that {@link #next()} returns without reading the channel. */
    public boolean hasBufferedFrame() {
        if (buffer.remaining() < 4) {
            return false;
        }
        int length = buffer.getInt(buffer.position());
        return length < 0 || length > maxFrameBytes || buffer.remaining() - 4 >= length;
    }

    /**
     * Returns the next frame, or {@code null} when the channel ended cleanly between frames.
     *
     * @throws ProtocolException if the channel ended inside a frame or a length is invalid
     * @throws FrameTooLargeException if a frame's length is over the limit
     */
    public @Nullable Frame next() throws IOException {
        if (!fill(4)) {
            if (buffer.hasRemaining()) {
                throw new ProtocolException("channel ended inside a frame's length prefix");
            }
            return null;
        }
        int length = buffer.getInt(buffer.position());
        if (length < 0) {
            throw new ProtocolException("invalid frame length " + length);
        }
        if (length > maxFrameBytes) {
            throw new FrameTooLargeException(maxFrameBytes, length);
        }
        if (!fill(4 + length)) {
            throw new ProtocolException("channel ended inside a frame of " + length + " bytes");
        }
        int start = buffer.position() + 4;
        buffer.position(start + length);
        return new Frame(buffer.array(), buffer.arrayOffset() + start, length);
    }

    private boolean fill(int needed) throws IOException {
        if (buffer.remaining() >= needed) {
            return true;
        }
        makeRoom(needed);
        boolean flushed = false;
        while (buffer.remaining() < needed) {
            if (!flushed) {
                beforeBlocking.run();
                flushed = true;
            }
            buffer.compact();
            int read;
            try {
                read = channel.read(buffer);
            } finally {
                buffer.flip();
            }
            if (read < 0) {
                return false;
            }
        }
        return true;
    }

    private void makeRoom(int needed) {
        if (buffer.capacity() < needed) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(needed, buffer.capacity() * 2));
            larger.put(buffer);
            larger.flip();
            buffer = larger;
        } else if (buffer.capacity() > INITIAL_CAPACITY && buffer.remaining() < INITIAL_CAPACITY && needed <= INITIAL_CAPACITY) {
            ByteBuffer smaller = ByteBuffer.allocate(INITIAL_CAPACITY);
            smaller.put(buffer);
            smaller.flip();
            buffer = smaller;
        }
    }
}
