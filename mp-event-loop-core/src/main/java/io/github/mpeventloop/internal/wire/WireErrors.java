package io.github.mpeventloop.internal.wire;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * Says why a value could not be written or read, in this library's words: the limit it crossed
 * (with how to raise it), the cycle it contains, or what Jackson found, without Jackson's hints
 * about its own features, which a user of this library cannot act on.
 */
public final class WireErrors {

    private static final Pattern JACKSON_HINT = Pattern.compile(
            "\\s*\\((?:to avoid exception|through reference chain|for origin|from `Stream|set `|disable |enable )[^)]*\\)");

    private WireErrors() {
    }

    /** The limit {@code error} (or one of its causes) crossed, or {@code null}. */
    public static @Nullable ValueLimitException limitCrossed(Throwable error, WireLimits limits) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ValueLimitException crossed) {
                return crossed;
            }
            if (cause instanceof StreamConstraintsException constraint) {
                String message = String.valueOf(constraint.getOriginalMessage());
                if (message.contains("nesting depth")) {
                    return new ValueLimitException(ValueLimitException.Limit.NESTING_DEPTH, limits.maxNestingDepth(),
                            limits.maxNestingDepth() + 1L);
                }
                if (message.contains("Number value length") || message.contains("number length")) {
                    return new ValueLimitException(ValueLimitException.Limit.NUMBER_LENGTH, limits.maxNumberLength(),
                            limits.maxNumberLength() + 1L);
                }
                if (message.contains("String value length") || message.contains("Name length")) {
                    return new ValueLimitException(ValueLimitException.Limit.STRING_LENGTH, limits.maxStringLength(),
                            limits.maxStringLength() + 1L);
                }
            }
        }
        return null;
    }

    /** Whether {@code error} is what writing a cyclic value ends in. */
    public static boolean mayBeCycle(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
            if (cause instanceof ValueLimitException crossed && crossed.limit() == ValueLimitException.Limit.NESTING_DEPTH) {
                return true;
            }
            String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
            if (message != null && (message.contains("nesting depth") || message.contains("self-reference"))) {
                return true;
            }
        }
        return false;
    }

    /** Why Jackson refused a value, in words a user of this library can act on. */
    public static String reason(Throwable error) {
        if (error instanceof InvalidDefinitionException definition && definition.getType() != null
                && String.valueOf(definition.getOriginalMessage()).startsWith("No serializer found")) {
            return "a " + definition.getType().getRawClass().getName() + " has no fields to carry (values travel by "
                    + "their fields: give the class fields, or make it a record)";
        }
        String message = error instanceof JacksonException jackson ? jackson.getOriginalMessage() : error.getMessage();
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        return JACKSON_HINT.matcher(message).replaceAll("").replace('`', '\'');
    }
}
