package io.github.mpeventloop.internal.wire;

import java.io.OutputStream;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every frame shares: the protocol version and the frame's outer shape, one JSON object whose
 * first member is its {@code "type"}. The frames themselves are the records of {@link ParentFrame}
 * and {@link WorkerFrame}, whose {@code Kind}s name their types; {@code docs/protocol.md}
 * describes each of them.
 */
public final class Frames {

    /**
     * Version of the protocol; parent and worker refuse each other when theirs differ. 4: every
     * frame is a record of {@link ParentFrame} or {@link WorkerFrame}, read in one streaming pass.
     */
    public static final int PROTOCOL_VERSION = 4;

    /** The member that names a frame's type; the first member of every frame. */
    static final String TYPE = "type";

    private Frames() {
    }

    /** Writes one JSON object frame into {@code out}: its {@code type}, then the members {@code body} writes. */
    public static void writeObject(JsonMapper mapper, OutputStream out, String type, Consumer<JsonGenerator> body) {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty(TYPE, type);
            body.accept(generator);
            generator.writeEndObject();
        }
    }

    /** Appends a frame of the given type to {@code writer}. */
    static void append(FrameWriter writer, JsonMapper mapper, String type, Consumer<JsonGenerator> body) {
        writer.append(buffer -> writeObject(mapper, buffer, type, body));
    }
}
