package io.github.mpeventloop.internal.wire;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * An exception as it travels from a worker: class name, message, stack and cause chain, as plain
 * data (never as a serialised Throwable). The stack is cut to {@value #MAX_FRAMES} frames and the
 * cause chain to {@value #MAX_CAUSES} links, so that a {@code StackOverflowError} stays small.
 */
public record RemoteError(String className, @Nullable String message, List<StackTraceElement> stack,
        @Nullable RemoteError cause) {

    static final int MAX_FRAMES = 1024;
    static final int MAX_CAUSES = 8;

    /** Describes a local exception. */
    public static RemoteError of(Throwable error) {
        return of(error, 0);
    }

    private static RemoteError of(Throwable error, int depth) {
        StackTraceElement[] trace = error.getStackTrace();
        List<StackTraceElement> stack = List.of(trace).subList(0, Math.min(trace.length, MAX_FRAMES));
        Throwable cause = error.getCause();
        RemoteError remoteCause = cause != null && cause != error && depth < MAX_CAUSES ? of(cause, depth + 1) : null;
        return new RemoteError(error.getClass().getName(), error.getMessage(), stack, remoteCause);
    }

    /** Writes this error as the current JSON value. */
    public void write(JsonGenerator out) {
        out.writeStartObject();
        out.writeStringProperty("class", className);
        if (message != null) {
            out.writeStringProperty("message", message);
        }
        out.writeArrayPropertyStart("stack");
        for (StackTraceElement element : stack) {
            out.writeStartObject();
            out.writeStringProperty("c", element.getClassName());
            out.writeStringProperty("m", element.getMethodName());
            if (element.getFileName() != null) {
                out.writeStringProperty("f", element.getFileName());
            }
            out.writeNumberProperty("l", element.getLineNumber());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (cause != null) {
            out.writeName("cause");
            cause.write(out);
        }
        out.writeEndObject();
    }

    /** Reads an error written by {@link #write(JsonGenerator)}. */
    public static RemoteError read(JsonNode node) {
        List<StackTraceElement> stack = new ArrayList<>();
        for (JsonNode element : node.path("stack")) {
            stack.add(new StackTraceElement(element.path("c").asString(), element.path("m").asString(),
                    element.hasNonNull("f") ? element.path("f").asString() : null, element.path("l").asInt(-1)));
        }
        JsonNode cause = node.get("cause");
        return new RemoteError(node.path("class").asString("unknown"),
                node.hasNonNull("message") ? node.path("message").asString() : null, stack,
                cause != null && cause.isObject() ? read(cause) : null);
    }

    /** {@code class: message}, as {@link Throwable#toString()} prints it. */
    public String summary() {
        return message == null ? className : className + ": " + message;
    }
}
