package io.github.mpeventloop.internal.wire;

import io.github.mpeventloop.FrameTooLargeException;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that holds one or more length-prefixed frames. A frame is begun with
 * {@link #beginFrame()}, written as a stream, and closed with {@link #endFrame(int)}, which fills
 * in its 4-byte big-endian length. A frame that grows past the limit stops with a
 * {@link FrameTooLargeException} as soon as it crosses it, so an oversized value is never built
 * in full.
 */
public final class FrameBuffer extends OutputStream {

    private int maxFrameBytes;
    private byte[] bytes;
    private int size;
    private int frameStart = -1;

    public FrameBuffer(int initialCapacity, int maxFrameBytes) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Starts a frame and returns its start offset, to be passed to {@link #endFrame(int)}. */
    public int beginFrame() {
        frameStart = size;
        ensure(size + 4);
        size += 4;
        return frameStart;
    }

    /** Closes the frame begun at {@code start} by writing its length. */
    public void endFrame(int start) {
        int length = size - start - 4;
        bytes[start] = (byte) (length >>> 24);
        bytes[start + 1] = (byte) (length >>> 16);
        bytes[start + 2] = (byte) (length >>> 8);
        bytes[start + 3] = (byte) length;
        frameStart = -1;
    }

    /** Drops the frame begun at {@code start}, for example after its encoding failed. */
    public void abortFrame(int start) {
        size = start;
        frameStart = -1;
    }

    /** Appends frames that are already complete (length prefix included). */
    public void appendFrames(byte[] frames) {
        ensure(size + frames.length);
        System.arraycopy(frames, 0, bytes, size, frames.length);
        size += frames.length;
    }

    @Override
    public void write(int b) {
        checkLimit(1);
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        checkLimit(len);
        ensure(size + len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    private void checkLimit(int more) {
        if (frameStart >= 0 && (long) size - frameStart - 4 + more > maxFrameBytes) {
            long reached = (long) size - frameStart - 4 + more;
            abortFrame(frameStart);
            throw new FrameTooLargeException(maxFrameBytes, reached);
        }
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    /** Changes the frame limit, as the handshake settles it. */
    public void setMaxFrameBytes(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The buffered bytes as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Forgets the buffered bytes; keeps the storage unless it grew very large. */
    public void clear() {
        size = 0;
        if (bytes.length > 4 << 20) {
            bytes = new byte[64 << 10];
        }
    }
}
