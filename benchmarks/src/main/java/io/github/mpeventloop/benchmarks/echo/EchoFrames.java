package io.github.mpeventloop.benchmarks.echo;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Length-prefixed frames (4-byte big-endian length, then the payload) on a socket channel, with
 * buffers of our own so that the reader knows when no whole frame is buffered: the side that
 * answers flushes its writer only then, just before it would block. That batches writes under
 * load and still answers a lone message at once. Written by hand (not the loop's {@code wire}
 * classes) because the echo must have nothing of the loop in it, and after the technique of the
 * project's yardstick ({@code bench/limit}, {@code Frames}).
 */
public final class EchoFrames {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_FRAME = 1 << 24;

    private EchoFrames() {
    }

    /** Reads frames; the payload array is reused by the next call. */
    public static final class Reader {
        private final SocketChannel channel;
        private byte[] buffer = new byte[BUFFER];
        private int start;
        private int end;
        private byte[] frame = new byte[256];
        private int length;

        public Reader(SocketChannel channel) {
            this.channel = channel;
        }

        /** True when a whole frame is already buffered, so that {@link #next()} will not block. */
        public boolean hasBufferedFrame() {
            int available = end - start;
            return available >= 4 && available - 4 >= lengthAt(start);
        }

        /** Reads the next frame into {@link #frame()}; false at the end of the stream. */
        public boolean next() throws IOException {
            if (!fill(4)) {
                return false;
            }
            int size = lengthAt(start);
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("bad frame length " + size);
            }
            if (!fill(4 + size)) {
                throw new EOFException("stream ended inside a frame");
            }
            if (frame.length < size) {
                frame = new byte[Math.max(size, frame.length * 2)];
            }
            System.arraycopy(buffer, start + 4, frame, 0, size);
            start += 4 + size;
            length = size;
            return true;
        }

        /** The last frame's payload, valid in {@code [0, length())}. */
        public byte[] frame() {
            return frame;
        }

        public int length() {
            return length;
        }

        private int lengthAt(int i) {
            return ((buffer[i] & 0xff) << 24) | ((buffer[i + 1] & 0xff) << 16) | ((buffer[i + 2] & 0xff) << 8)
                    | (buffer[i + 3] & 0xff);
        }

        private boolean fill(int need) throws IOException {
            while (end - start < need) {
                if (start > 0 && (buffer.length - start < need || start == end)) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (buffer.length < need) {
                    byte[] bigger = new byte[Math.max(need, buffer.length * 2)];
                    System.arraycopy(buffer, start, bigger, 0, end - start);
                    end -= start;
                    start = 0;
                    buffer = bigger;
                }
                int read = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end));
                if (read < 0) {
                    if (end == start) {
                        return false;
                    }
                    throw new EOFException("stream ended inside a frame");
                }
                end += read;
            }
            return true;
        }
    }

    /** Buffers frames; writes through when the buffer is full or on {@link #flush()}. */
    public static final class Writer {
        private final SocketChannel channel;
        private final byte[] buffer = new byte[BUFFER];
        private int position;

        public Writer(SocketChannel channel) {
            this.channel = channel;
        }

        public void write(byte[] payload) throws IOException {
            int size = payload.length;
            if (position + 4 + size > buffer.length) {
                flush();
            }
            if (4 + size > buffer.length) {
                writeFully(ByteBuffer.allocate(4).putInt(size).flip());
                writeFully(ByteBuffer.wrap(payload));
                return;
            }
            buffer[position] = (byte) (size >>> 24);
            buffer[position + 1] = (byte) (size >>> 16);
            buffer[position + 2] = (byte) (size >>> 8);
            buffer[position + 3] = (byte) size;
            System.arraycopy(payload, 0, buffer, position + 4, size);
            position += 4 + size;
        }

        public void flush() throws IOException {
            if (position > 0) {
                writeFully(ByteBuffer.wrap(buffer, 0, position));
                position = 0;
            }
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
