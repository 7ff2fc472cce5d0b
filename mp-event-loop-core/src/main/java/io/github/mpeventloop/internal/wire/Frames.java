package io.github.mpeventloop.internal.wire;

import java.io.OutputStream;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frame types of the protocol and the helpers that write and parse one frame. Every frame is
 * one JSON object with a {@code "type"} member; {@code docs/protocol.md} describes each of them.
 */
public final class Frames {

    /** Version of the protocol; parent and worker refuse each other when theirs differ. */
    public static final int PROTOCOL_VERSION = 3;

    /** Worker to parent, first frame: protocol version, one-time secret, pid, Java version. */
    public static final String HELLO = "hello";
    /** Parent to worker, answer to hello: worker id and frame limit. */
    public static final String WELCOME = "welcome";
    /** Parent to worker: run a target or an event. */
    public static final String CALL = "call";
    /** Worker to parent: an event completed, with its value unless no output was asked for. */
    public static final String RESULT = "result";
    /** Worker to parent: an event failed, with the remote exception. */
    public static final String ERROR = "error";
    /** Worker to parent: one item of a streamed call, with its index within the stream. */
    public static final String ITEM = "item";
    /** Worker to parent: a streamed call ended (or was cancelled) after the items it sent. */
    public static final String END = "end";
    /** Parent to worker: a stream may send that many more items. */
    public static final String CREDIT = "credit";
    /** Parent to worker: stop a stream (answered with {@link #END}) or cancel an awaited stage. */
    public static final String CANCEL = "cancel";
    /** Parent to worker: are you alive? Answered with {@link #PONG} by the worker's frame reader, even while an event runs. */
    public static final String PING = "ping";
    /** Worker to parent: answer to {@link #PING}, with its {@code seq}. */
    public static final String PONG = "pong";
    /** Worker to parent: a plain call was cancelled (dropped before it ran, or its value dropped after). */
    public static final String CANCELLED = "cancelled";
    /** Worker to parent: its heap stays above the recycling threshold; the parent replaces it between events. */
    public static final String RECYCLE = "recycle";
    /** Parent to worker: forget the cached objects listed; no answer. */
    public static final String RELEASE = "release";
    /** Parent to worker: finish what was sent, answer {@link #BYE} and exit. */
    public static final String SHUTDOWN = "shutdown";
    /** Worker to parent: last frame before a clean exit. */
    public static final String BYE = "bye";

    private Frames() {
    }

    /** Writes one JSON object frame into {@code out}: {@code body} writes its members. */
    public static void writeObject(JsonMapper mapper, OutputStream out, String type, Consumer<JsonGenerator> body) {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("type", type);
            body.accept(generator);
            generator.writeEndObject();
        }
    }

    /** Appends a frame of the given type to {@code writer}. */
    public static void append(FrameWriter writer, JsonMapper mapper, String type, Consumer<JsonGenerator> body) {
        writer.append(buffer -> writeObject(mapper, buffer, type, body));
    }

    /** Parses a frame into a JSON object. */
    public static JsonNode parse(JsonMapper mapper, FrameReader.Frame frame) throws ProtocolException {
        JsonNode node;
        try {
            node = mapper.readTree(frame.array(), frame.offset(), frame.length());
        } catch (JacksonException e) {
            throw new ProtocolException("unparseable frame of " + frame.length() + " bytes: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new ProtocolException("frame is not a JSON object with a \"type\"");
        }
        return node;
    }

    /** The type member of a parsed frame. */
    public static String type(JsonNode frame) {
        return frame.path("type").asString();
    }

    /** Reads the next frame and checks that it has the expected type. */
    public static JsonNode expect(FrameReader reader, JsonMapper mapper, String type) throws java.io.IOException {
        FrameReader.Frame frame = reader.next();
        if (frame == null) {
            throw new ProtocolException("channel closed while waiting for a \"" + type + "\" frame");
        }
        JsonNode node = parse(mapper, frame);
        if (!type.equals(type(node))) {
            throw new ProtocolException("expected a \"" + type + "\" frame, got \"" + type(node) + "\"");
        }
        return node;
    }
}
