package io.github.mpeventloop;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.DeepStack;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.ProtocolException;
import io.github.mpeventloop.internal.wire.WireErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a worker's frame in one pass, without building a tree for the hot members: the event's id
 * comes before its value, so the value is read straight into the type its event expects. Members
 * this reader does not know are skipped. One reader per worker session: not thread-safe.
 */
final class AnswerReader {

    /** One frame from a worker, as far as it was read. */
    static final class Answer {
        @Nullable String type;
        long id = -1;
        long nanos;
        boolean fatal;
        long heap = -1;
        /** A {@code pong}'s sequence number, as the {@code ping} gave it; -1 for other frames. */
        long seq = -1;
        /** An item's index in its stream; -1 for other frames. */
        long index = -1;
        /** Items a stream sent, in {@code end} and in the {@code error} that ends a stream; -1 when absent. */
        long items = -1;
        boolean cancelled;
        @Nullable PendingEvent event;
        @Nullable Object value;
        @Nullable RuntimeException valueError;
        @Nullable JsonNode error;
        @Nullable JsonNode mirror;
    }

    private final JsonMapper mapper;
    private final Map<JavaType, ObjectReader> readers = new HashMap<>();

    private final ObjectReader treeReader;

    AnswerReader(JsonMapper mapper) {
        this.mapper = mapper;
        this.treeReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A reader of one type for a value inside a frame: what follows the value is the frame's business. */
    private ObjectReader readerOf(JavaType type) {
        return readers.computeIfAbsent(type,
                key -> mapper.readerFor(key).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /**
     * Reads one frame; {@code events} finds the event an id names (without taking it).
     *
     * @throws ProtocolException if the frame is no JSON object with a type
     */
    Answer read(FrameReader.Frame frame, LongFunction<@Nullable PendingEvent> events) throws ProtocolException {
        try {
            return DeepStack.run(() -> readOnce(frame, events));
        } catch (ProtocolException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer readOnce(FrameReader.Frame frame, LongFunction<@Nullable PendingEvent> events)
            throws ProtocolException {
        Answer answer = new Answer();
        try (JsonParser parser = mapper.createParser(frame.array(), frame.offset(), frame.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException("frame is not a JSON object with a \"type\"");
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                if (!readMember(parser, name, token, answer, events)) {
                    break;
                }
            }
        } catch (JacksonException e) {
            throw new ProtocolException("unparseable frame of " + frame.length() + " bytes: " + e.getOriginalMessage(), e);
        }
        if (answer.type == null) {
            throw new ProtocolException("frame is not a JSON object with a \"type\"");
        }
        return answer;
    }

    /** Reads one member; false when the rest of the frame cannot be read after a value that failed. */
    private boolean readMember(JsonParser parser, String name, JsonToken token, Answer answer,
            LongFunction<@Nullable PendingEvent> events) {
        switch (name) {
            case "type":
                answer.type = token == JsonToken.VALUE_STRING ? parser.getString() : null;
                return true;
            case "id":
                answer.id = parser.getLongValue();
                answer.event = events.apply(answer.id);
                return true;
            case "nanos":
                answer.nanos = parser.getLongValue();
                return true;
            case "fatal":
                answer.fatal = token == JsonToken.VALUE_TRUE;
                return true;
            case "index":
                answer.index = parser.getLongValue();
                return true;
            case "items":
                answer.items = parser.getLongValue();
                return true;
            case "cancelled":
                answer.cancelled = token == JsonToken.VALUE_TRUE;
                return true;
            case "seq":
                answer.seq = parser.getLongValue();
                return true;
            case "heap":
                answer.heap = parser.getLongValue();
                return true;
            case "error":
                answer.error = treeReader.readValue(parser);
                return true;
            case "mirror":
                answer.mirror = treeReader.readValue(parser);
                return true;
            case "value":
                return readValue(parser, answer);
            default:
                parser.skipChildren();
                return true;
        }
    }

    private boolean readValue(JsonParser parser, Answer answer) {
        PendingEvent event = answer.event;
        Class<?> raw = event == null ? Void.class : event.resultType.getRawClass();
        if (event == null || !event.hasOutput() || raw == void.class || raw == Void.class) {
            parser.skipChildren();
            return true;
        }
        try {
            answer.value = readerOf(event.resultType).readValue(parser);
            return true;
        } catch (JacksonException e) {
            answer.valueError = new ResultNotTransferableException("the value of event " + event.id
                    + " cannot be read as " + event.resultType.toCanonical() + ": " + WireErrors.reason(e), e);
            return false;
        }
    }
}
