package io.github.mpeventloop.internal.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.ResultNotTransferableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parent's reading side of a worker's frames: one streaming pass per frame, no tree. A call's
 * {@code id} comes before its {@code value}, so the value is read straight into the type its event
 * expects ({@link ValueTypes}); a value that cannot be read so becomes the frame's
 * {@code unreadable} failure, for that event alone. Members a frame does not know are skipped.
 * One decoder per reading thread: it caches a reader per value type and is not thread-safe.
 */
public final class WorkerFrameDecoder {

    /** What the parent reads values as. */
    @FunctionalInterface
    public interface ValueTypes {
        /** The type the value of event {@code id} is read as; {@code null} to skip it (nothing waits for it). */
        @Nullable JavaType of(long id);
    }

    /** Reads no value: for the handshake, before any event. */
    public static final ValueTypes NO_VALUES = id -> null;

    private static final RemoteError NO_ERROR = new RemoteError("unknown", "the worker sent no error", List.of(),
            null);

    private final JsonMapper mapper;
    private final Map<JavaType, ObjectReader> readers = new HashMap<>();
    private final ObjectReader mirrorReader;

    public WorkerFrameDecoder(JsonMapper mapper) {
        this.mapper = mapper;
        this.mirrorReader = readerOf(mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** A reader of one type for a value inside a frame: what follows the value is the frame's business. */
    private ObjectReader readerOf(JavaType type) {
        return readers.computeIfAbsent(type,
                key -> mapper.readerFor(key).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /**
     * Reads one frame, on a deep stack when its values nest deeply.
     *
     * @throws ProtocolException if it is no JSON object with a {@code type} a worker sends
     */
    public WorkerFrame decode(FrameReader.Frame frame, ValueTypes types) throws ProtocolException {
        try {
            return DeepStack.run(() -> decodeOnce(frame, types));
        } catch (ProtocolException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WorkerFrame decodeOnce(FrameReader.Frame frame, ValueTypes types) throws ProtocolException {
        Members members = new Members();
        try (JsonParser parser = mapper.createParser(frame.array(), frame.offset(), frame.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException("frame is not a JSON object with a \"type\"");
            }
            String name;
            while ((name = parser.nextName()) != null) {
                if (!member(parser, name, parser.nextToken(), members, types)) {
                    break;
                }
            }
        } catch (JacksonException e) {
            throw new ProtocolException("unparseable frame of " + frame.length() + " bytes: " + e.getOriginalMessage(), e);
        }
        if (members.type == null) {
            throw new ProtocolException("frame is not a JSON object with a \"type\"");
        }
        WorkerFrame.Kind kind = WorkerFrame.Kind.of(members.type);
        if (kind == null) {
            throw new ProtocolException("unexpected frame type \"" + members.type + "\" from a worker");
        }
        return members.frame(kind);
    }

    /** Reads one member; false when the rest of the frame cannot be read after a value that failed. */
    private boolean member(JsonParser parser, String name, JsonToken token, Members members, ValueTypes types) {
        switch (name) {
            case Frames.TYPE -> members.type = token == JsonToken.VALUE_STRING ? parser.getString() : null;
            case "id" -> {
                members.id = parser.getLongValue();
                members.valueType = types.of(members.id);
            }
            case "nanos" -> members.nanos = parser.getLongValue();
            case "fatal" -> members.fatal = token == JsonToken.VALUE_TRUE;
            case "index" -> members.index = parser.getLongValue();
            case "items" -> members.items = parser.getLongValue();
            case "cancelled" -> members.cancelled = token == JsonToken.VALUE_TRUE;
            case "seq" -> members.seq = parser.getLongValue();
            case "heap" -> members.heap = parser.getLongValue();
            case "events" -> members.events = parser.getLongValue();
            case "protocol" -> members.protocol = parser.getIntValue();
            case "secret" -> members.secret = token == JsonToken.VALUE_STRING ? parser.getString() : skip(parser, "");
            case "pid" -> members.pid = parser.getLongValue();
            case "java" -> members.java = token == JsonToken.VALUE_STRING ? parser.getString() : skip(parser, "?");
            case "error" -> members.error = token == JsonToken.START_OBJECT ? error(parser) : skip(parser);
            case "mirror" -> members.mirror = token == JsonToken.START_OBJECT ? mirrorReader.readValue(parser)
                    : skip(parser);
            case "value" -> {
                return value(parser, members);
            }
            default -> parser.skipChildren();
        }
        return true;
    }

    private static <T> @Nullable T skip(JsonParser parser) {
        parser.skipChildren();
        return null;
    }

    private static String skip(JsonParser parser, String instead) {
        parser.skipChildren();
        return instead;
    }

    private boolean value(JsonParser parser, Members members) {
        members.carriesValue = true;
        JavaType type = members.valueType;
        Class<?> raw = type == null ? Void.class : type.getRawClass();
        if (type == null || raw == void.class || raw == Void.class) {
            parser.skipChildren();
            return true;
        }
        try {
            Object scalar = Scalars.read(parser, raw);
            members.value = scalar != Scalars.NOT_SCALAR ? scalar : readerOf(type).readValue(parser);
            return true;
        } catch (JacksonException e) {
            ResultNotTransferableException unreadable = new ResultNotTransferableException("the value of event "
                    + members.id + " cannot be read as " + type.toCanonical() + ": " + WireErrors.reason(e));
            unreadable.initCause(e);
            members.unreadable = unreadable;
            return false;
        }
    }

    /** Reads the error object of section 5.5; a missing {@code class} reads as "unknown", a missing line as -1. */
    private static RemoteError error(JsonParser parser) {
        String className = "unknown";
        String message = null;
        List<StackTraceElement> stack = new ArrayList<>();
        RemoteError cause = null;
        List<RemoteError> suppressed = new ArrayList<>();
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "class" -> className = token == JsonToken.VALUE_STRING ? parser.getString() : className;
                case "message" -> message = token == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "stack" -> stack(parser, token, stack);
                case "cause" -> cause = token == JsonToken.START_OBJECT ? error(parser) : skip(parser);
                case "suppressed" -> errors(parser, token, suppressed);
                default -> parser.skipChildren();
            }
        }
        return new RemoteError(className, message, stack, cause, suppressed);
    }

    private static void errors(JsonParser parser, JsonToken token, List<RemoteError> errors) {
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        JsonToken each;
        while ((each = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (each == JsonToken.START_OBJECT) {
                errors.add(error(parser));
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void stack(JsonParser parser, JsonToken token, List<StackTraceElement> stack) {
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        JsonToken each;
        while ((each = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (each != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            String declaringClass = "";
            String method = "";
            String file = null;
            int line = -1;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                boolean text = value == JsonToken.VALUE_STRING;
                switch (name) {
                    case "c" -> declaringClass = text ? parser.getString() : declaringClass;
                    case "m" -> method = text ? parser.getString() : method;
                    case "f" -> file = text ? parser.getString() : null;
                    case "l" -> line = value.isNumeric() ? parser.getIntValue() : line;
                    default -> parser.skipChildren();
                }
            }
            stack.add(new StackTraceElement(declaringClass, method, file, line));
        }
    }

    /** The members of one frame as far as they were read; absent ones keep these defaults. */
    private static final class Members {
        @Nullable String type;
        long id = -1;
        @Nullable JavaType valueType;
        long nanos;
        boolean fatal;
        long index = -1;
        long items = -1;
        boolean cancelled;
        long seq = -1;
        long heap = -1;
        long events;
        int protocol = -1;
        String secret = "";
        long pid = -1;
        String java = "?";
        boolean carriesValue;
        @Nullable Object value;
        @Nullable RuntimeException unreadable;
        @Nullable RemoteError error;
        @Nullable Map<String, Object> mirror;

        WorkerFrame frame(WorkerFrame.Kind kind) {
            return switch (kind) {
                case HELLO -> new WorkerFrame.Hello(protocol, secret, pid, java);
                case RESULT -> new WorkerFrame.Result(id, nanos, carriesValue, value, unreadable,
                        mirror == null ? Map.of() : mirror);
                case ERROR -> new WorkerFrame.Failure(id, nanos, fatal, items, error == null ? NO_ERROR : error);
                case ITEM -> new WorkerFrame.Item(id, index, carriesValue, value, unreadable);
                case END -> new WorkerFrame.End(id, nanos, items, cancelled);
                case CANCELLED -> new WorkerFrame.Cancelled(id, nanos);
                case PONG -> new WorkerFrame.Pong(seq);
                case RECYCLE -> new WorkerFrame.Recycle(heap);
                case BYE -> new WorkerFrame.Bye(events);
            };
        }
    }
}
