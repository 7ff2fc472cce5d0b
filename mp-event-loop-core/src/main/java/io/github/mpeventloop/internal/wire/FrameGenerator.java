package io.github.mpeventloop.internal.wire;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * Writes whole frames into one {@link FrameBuffer} through one Jackson generator kept from frame
 * to frame. Jackson makes a generator per output; making one per frame (its context, its recycled
 * buffer, the limit decorator) was about a seventh of the submitting thread's CPU on a stream of
 * small events, hence this by-hand reuse. It relies on the wire factory writing nothing between
 * two root values ({@link WireMapper#factory}). A frame that fails leaves its generator inside an
 * object: that generator is dropped, never reused, and the frame's bytes are taken back out of the
 * buffer. Not thread-safe: one per buffer, used under its owner's thread or lock.
 */
public final class FrameGenerator {

    private final FrameBuffer buffer;
    private @Nullable TokenStreamFactory factory;
    private @Nullable JsonGenerator generator;

    public FrameGenerator(FrameBuffer buffer) {
        this.buffer = buffer;
    }

    /** The buffer the frames are appended to. */
    public FrameBuffer buffer() {
        return buffer;
    }

    /**
     * Appends one length-prefixed frame: a JSON object whose first member is its {@code type}, then
     * the members {@code body} writes. If the body fails (a frame over the limit, a value that cannot
     * be written) nothing of the frame stays in the buffer.
     */
    public void append(TokenStreamFactory writer, String type, Consumer<JsonGenerator> body) {
        int start = buffer.beginFrame();
        boolean appended = false;
        try {
            JsonGenerator out = generatorOf(writer);
            out.writeStartObject();
            out.writeStringProperty(Frames.TYPE, type);
            body.accept(out);
            out.writeEndObject();
            out.flush();
            buffer.endFrame(start);
            appended = true;
        } finally {
            if (!appended) {
                generator = null;
                buffer.abortFrame(start);
            }
        }
    }

    private JsonGenerator generatorOf(TokenStreamFactory writer) {
        JsonGenerator current = generator;
        if (current == null || writer != factory) {
            current = writer.createGenerator(ObjectWriteContext.empty(), buffer);
            generator = current;
            factory = writer;
        }
        return current;
    }
}
