package io.github.mpeventloop.internal.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;

/**
 * The worker's reading side of the parent's frames: one streaming pass per frame, no tree. A
 * frame's {@code type} is its first member. A {@code call}'s header ({@code id}, {@code form},
 * {@code output}, {@code mode}, {@code credit}) comes before its body; the reader stops at the
 * first body member ({@link CallFrame#BODY_MEMBERS}) and leaves the frame's bytes, and its parser
 * there, to the event thread, which reads on into the types the target declares. Unknown members
 * of the other frames are skipped.
 */
public final class ParentFrameDecoder {

    private final TokenStreamFactory factory;

    /** A decoder whose parsers {@code factory} makes: the wire factory ({@link WireMapper#factory}). */
    public ParentFrameDecoder(TokenStreamFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads one frame.
     *
     * @throws ProtocolException if it is no JSON object starting with a known {@code type}
     */
    public ParentFrame decode(FrameReader.Frame frame) throws ProtocolException {
        byte[] bytes = Arrays.copyOfRange(frame.array(), frame.offset(), frame.offset() + frame.length());
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes);
        boolean handedOver = false;
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT || !Frames.TYPE.equals(parser.nextName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new ProtocolException("frame is not a JSON object starting with a \"type\"");
            }
            String type = parser.getString();
            ParentFrame.Kind kind = ParentFrame.Kind.of(type);
            if (kind == null) {
                throw new ProtocolException("unexpected frame type \"" + type + "\" from the parent");
            }
            return switch (kind) {
                case WELCOME -> welcome(parser);
                case CALL -> {
                    ParentFrame.Call call = call(parser, bytes);
                    handedOver = true;
                    yield call;
                }
                case CREDIT -> {
                    long[] members = longs(parser, "id", "items");
                    yield new ParentFrame.Credit(members[0], members[1]);
                }
                case CANCEL -> cancel(parser);
                case PING -> new ParentFrame.Ping(longs(parser, "seq")[0]);
                case RELEASE -> release(parser);
                case SHUTDOWN -> {
                    longs(parser);
                    yield new ParentFrame.Shutdown();
                }
            };
        } catch (JacksonException e) {
            throw new ProtocolException("unparseable frame of " + frame.length() + " bytes: " + e.getOriginalMessage(), e);
        } finally {
            if (!handedOver) {
                parser.close();
            }
        }
    }

    /** Reads a call's header; the parser is left at its body, in the call's {@link CallFrame}. */
    private static ParentFrame.Call call(JsonParser parser, byte[] bytes) throws ProtocolException {
        long id = -1;
        boolean output = true;
        ParentFrame.CallMode mode = ParentFrame.CallMode.PLAIN;
        long credit = 0;
        ParentFrame.@Nullable CallForm form = null;
        Map<String, String> context = Map.of();
        String name;
        header:
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            try {
                switch (name) {
                    case "id" -> id = parser.getLongValue();
                    case "output" -> output = token != JsonToken.VALUE_FALSE;
                    case "mode" -> mode = ParentFrame.CallMode.of(parser.getString());
                    case "credit" -> credit = parser.getLongValue();
                    case "form" -> form = ParentFrame.CallForm.of(parser.getString());
                    case "context" -> context = context(parser, token);
                    default -> {
                        if (CallFrame.BODY_MEMBERS.contains(name)) {
                            break header;
                        }
                        parser.skipChildren();
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("call " + id + ": " + e.getMessage());
            }
        }
        if (form == null) {
            throw new ProtocolException("call " + id + " has no \"form\" before its body");
        }
        return new ParentFrame.Call(id, output, mode, credit, form, context, new CallFrame(bytes, parser));
    }

    /** A string-to-string object; other values are skipped. */
    private static Map<String, String> context(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Map.of();
        }
        Map<String, String> context = new HashMap<>();
        String key;
        while ((key = parser.nextName()) != null) {
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                context.put(key, parser.getString());
            } else {
                parser.skipChildren();
            }
        }
        return Map.copyOf(context);
    }

    /** A {@code welcome}; a missing version reads as -1, a missing value limit as its default. */
    private static ParentFrame.Welcome welcome(JsonParser parser) throws ProtocolException {
        int protocol = -1;
        int workerId = 0;
        int maxFrameBytes = 0;
        int maxNestingDepth = WireLimits.DEFAULT_MAX_NESTING_DEPTH;
        int maxNumberLength = WireLimits.DEFAULT_MAX_NUMBER_LENGTH;
        int maxStringLength = WireLimits.DEFAULT_MAX_STRING_LENGTH;
        long recycleAboveHeapBytes = 0;
        String name;
        while ((name = parser.nextName()) != null) {
            parser.nextToken();
            switch (name) {
                case "protocol" -> protocol = parser.getIntValue();
                case "workerId" -> workerId = parser.getIntValue();
                case "maxFrameBytes" -> maxFrameBytes = parser.getIntValue();
                case "maxNestingDepth" -> maxNestingDepth = parser.getIntValue();
                case "maxNumberLength" -> maxNumberLength = parser.getIntValue();
                case "maxStringLength" -> maxStringLength = parser.getIntValue();
                case "recycleAboveHeapBytes" -> recycleAboveHeapBytes = parser.getLongValue();
                default -> parser.skipChildren();
            }
        }
        try {
            return new ParentFrame.Welcome(protocol, workerId,
                    new WireLimits(maxFrameBytes, maxNestingDepth, maxNumberLength, maxStringLength),
                    recycleAboveHeapBytes);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("welcome of protocol " + protocol + " has limits out of range: " + e.getMessage());
        }
    }

    private static ParentFrame.Cancel cancel(JsonParser parser) {
        long id = -1;
        boolean interrupt = false;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "id" -> id = parser.getLongValue();
                case "interrupt" -> interrupt = token == JsonToken.VALUE_TRUE;
                default -> parser.skipChildren();
            }
        }
        return new ParentFrame.Cancel(id, interrupt);
    }

    private static ParentFrame.Release release(JsonParser parser) {
        List<Long> ids = new ArrayList<>();
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            if ("objects".equals(name) && token == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    ids.add(parser.getLongValue());
                }
            } else {
                parser.skipChildren();
            }
        }
        return new ParentFrame.Release(ids);
    }

    /** The named long members, 0 when absent; other members are skipped. */
    private static long[] longs(JsonParser parser, String... names) {
        long[] values = new long[names.length];
        String name;
        while ((name = parser.nextName()) != null) {
            parser.nextToken();
            int index = Arrays.asList(names).indexOf(name);
            if (index >= 0) {
                values[index] = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        }
        return values;
    }
}
