package io.github.mpeventloop.internal.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamFactory;

/**
 * Writes frames to a channel, batching them: frames are appended to a buffer and reach the channel
 * on {@link #flush()}, which callers do when they have nothing more to send right away. Thread-safe.
 */
public final class FrameWriter {

    private final WritableByteChannel channel;
    private final FrameBuffer buffer;
    private final FrameGenerator frames;

    public FrameWriter(WritableByteChannel channel, int maxFrameBytes) {
        this.channel = channel;
        this.buffer = new FrameBuffer(64 << 10, maxFrameBytes);
        this.frames = new FrameGenerator(buffer);
    }

    /** Appends complete, already length-prefixed frames. */
    public synchronized void append(byte[] frames) {
        buffer.appendFrames(frames);
    }

    /**
     * Appends one frame of {@code type} whose members {@code body} writes with a generator of
     * {@code factory}; if the body fails (a frame over the limit, an encoding error) nothing of it
     * stays buffered.
     */
    public synchronized void append(TokenStreamFactory factory, String type, Consumer<JsonGenerator> body) {
        frames.append(factory, type, body);
    }

    /** Changes the frame limit, as the handshake settles it. */
    public synchronized void setMaxFrameBytes(int maxFrameBytes) {
        buffer.setMaxFrameBytes(maxFrameBytes);
    }

    /** Bytes waiting for {@link #flush()}. */
    public synchronized int buffered() {
        return buffer.size();
    }

    /** Writes every buffered frame to the channel. */
    public synchronized void flush() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), 0, buffer.size());
        try {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        } finally {
            buffer.clear();
        }
    }
}
