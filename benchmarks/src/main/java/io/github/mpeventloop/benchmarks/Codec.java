package io.github.mpeventloop.benchmarks;

import java.io.OutputStream;

import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.wire.FrameBuffer;
import io.github.mpeventloop.internal.wire.Frames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frames of the benchmarks, written and read with the public {@code wire} classes the way
 * the loop does it: a {@code call} frame as {@code CallEncoder} writes it (id, target descriptor,
 * values), a {@code result} frame as the worker's {@code CallRunner} writes it (id, nanos, value).
 */
public final class Codec {

    /** {@link Work#plusOne(int)} as it travels. */
    public static final TargetDescriptor PLUS_ONE = new TargetDescriptor(TargetDescriptor.Kind.STATIC,
            Work.class.getName(), "plusOne", "(I)I");
    /** {@link Work#spin(long)} as it travels. */
    public static final TargetDescriptor SPIN = new TargetDescriptor(TargetDescriptor.Kind.STATIC,
            Work.class.getName(), "spin", "(J)J");

    /** The default frame limit of the loop. */
    public static final int MAX_FRAME = 16 << 20;

    private Codec() {
    }

    /** Writes the JSON object of a call frame (without its length prefix) to {@code out}. */
    public static void writeCall(JsonMapper mapper, OutputStream out, long id, TargetDescriptor target, Object value) {
        Frames.writeObject(mapper, out, Frames.CALL, gen -> {
            gen.writeNumberProperty("id", id);
            gen.writeName("target");
            target.write(gen);
            gen.writeArrayPropertyStart("values");
            mapper.writeValue(gen, value);
            gen.writeEndArray();
        });
    }

    /** A complete, length-prefixed call frame in a new array, as {@code CallEncoder} makes one per event. */
    public static byte[] callFrame(JsonMapper mapper, long id, TargetDescriptor target, Object value) {
        FrameBuffer buffer = new FrameBuffer(256, MAX_FRAME);
        int start = buffer.beginFrame();
        writeCall(mapper, buffer, id, target, value);
        buffer.endFrame(start);
        return buffer.toByteArray();
    }

    /** Writes the JSON object of a result frame (without its length prefix) to {@code out}. */
    public static void writeResult(JsonMapper mapper, OutputStream out, long id, long nanos, Object value) {
        Frames.writeObject(mapper, out, Frames.RESULT, gen -> {
            gen.writeNumberProperty("id", id);
            gen.writeNumberProperty("nanos", nanos);
            gen.writeName("value");
            mapper.writeValue(gen, value);
        });
    }

    /** The int value of a parsed result frame, read as the loop reads a value (tree to declared type). */
    public static int intValue(JsonMapper mapper, JsonNode result) {
        return mapper.treeToValue(result.get("value"), int.class);
    }
}
