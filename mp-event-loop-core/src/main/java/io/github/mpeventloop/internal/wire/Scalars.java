package io.github.mpeventloop.internal.wire;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The values most events carry (an {@code int}, a {@code long}, a {@code boolean}, a
 * {@code double}, a {@code String}), read and written straight from and to the token stream.
 * Jackson's own reader and writer make a context for every value they handle, which for a single
 * number costs more than the number; with the mapper's settings fixed by {@link WireMapper}, these
 * types are read and written exactly as Jackson's default (de)serializers would for the tokens
 * taken here, and everything else (other tokens, {@code null}, any other type) goes to Jackson.
 * Written by hand because Jackson offers no context-free way to bind one scalar token.
 */
public final class Scalars {

    /** What {@link #read} returns when the value is not one it reads: Jackson must. */
    public static final Object NOT_SCALAR = new Object();

    private Scalars() {
    }

    /** The current token as {@code type}, or {@link #NOT_SCALAR}. */
    public static Object read(JsonParser parser, Class<?> type) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType size = parser.getNumberType();
            if ((type == Integer.class || type == int.class) && size == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            if ((type == Long.class || type == long.class)
                    && (size == JsonParser.NumberType.INT || size == JsonParser.NumberType.LONG)) {
                return parser.getLongValue();
            }
        } else if (token == JsonToken.VALUE_STRING && type == String.class) {
            return parser.getString();
        } else if (token == JsonToken.VALUE_TRUE && (type == Boolean.class || type == boolean.class)) {
            return Boolean.TRUE;
        } else if (token == JsonToken.VALUE_FALSE && (type == Boolean.class || type == boolean.class)) {
            return Boolean.FALSE;
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT && (type == Double.class || type == double.class)) {
            return parser.getDoubleValue();
        }
        return NOT_SCALAR;
    }

    /**
     * Writes {@code value}: itself when it is one of these types, else (and {@code null}) by the
     * codec's mapper, which it waits for if it is still being made.
     */
    public static void writeValue(WireCodec codec, JsonGenerator out, @Nullable Object value) {
        if (value == null || !write(out, value)) {
            codec.mapper().writeValue(out, value);
        }
    }

    /** Writes {@code value} when it is one of these types; false when Jackson must. */
    public static boolean write(JsonGenerator out, Object value) {
        Class<?> type = value.getClass();
        if (type == Integer.class) {
            out.writeNumber((int) (Integer) value);
        } else if (type == Long.class) {
            out.writeNumber((long) (Long) value);
        } else if (type == String.class) {
            out.writeString((String) value);
        } else if (type == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (type == Double.class) {
            out.writeNumber((double) (Double) value);
        } else {
            return false;
        }
        return true;
    }
}
