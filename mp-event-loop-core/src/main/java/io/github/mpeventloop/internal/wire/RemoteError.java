package io.github.mpeventloop.internal.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An exception as it travels from a worker: class name, message, stack, cause chain and suppressed
 * exceptions, as plain data (never as a serialised Throwable). It is bounded so that a
 * {@code StackOverflowError} or a runaway chain stays small: each stack is cut to
 * {@value #MAX_FRAMES} frames, and at most {@value #MAX_ERRORS} exceptions travel in all (causes
 * first, then suppressed ones, depth first); an exception met twice (a cycle) travels once. The
 * worker's {@link WorkerFrameEncoder} writes it, the parent's {@link WorkerFrameDecoder} reads it.
 */
public record RemoteError(String className, @Nullable String message, List<StackTraceElement> stack,
        @Nullable RemoteError cause, List<RemoteError> suppressed) {

    static final int MAX_FRAMES = 1024;
    static final int MAX_ERRORS = 64;

    /** Copies the lists. */
    public RemoteError {
        stack = List.copyOf(stack);
        suppressed = List.copyOf(suppressed);
    }

    /** An error without suppressed exceptions. */
    public RemoteError(String className, @Nullable String message, List<StackTraceElement> stack,
            @Nullable RemoteError cause) {
        this(className, message, stack, cause, List.of());
    }

    /** Describes a local exception. */
    public static RemoteError of(Throwable error) {
        return of(error, Collections.newSetFromMap(new IdentityHashMap<>()), new int[] {0});
    }

    private static RemoteError of(Throwable error, Set<Throwable> seen, int[] count) {
        seen.add(error);
        count[0]++;
        StackTraceElement[] trace = error.getStackTrace();
        List<StackTraceElement> stack = List.of(trace).subList(0, Math.min(trace.length, MAX_FRAMES));
        Throwable cause = error.getCause();
        RemoteError remoteCause = cause != null && !seen.contains(cause) && count[0] < MAX_ERRORS
                ? of(cause, seen, count) : null;
        List<RemoteError> suppressed = new ArrayList<>();
        for (Throwable each : error.getSuppressed()) {
            if (!seen.contains(each) && count[0] < MAX_ERRORS) {
                suppressed.add(of(each, seen, count));
            }
        }
        return new RemoteError(error.getClass().getName(), error.getMessage(), stack, remoteCause, suppressed);
    }

    /** This error with its message cut to {@code length} characters, and no stack, cause or suppressed. */
    public RemoteError reduced(int length) {
        String cut = message == null ? null : message.substring(0, Math.min(message.length(), length));
        return new RemoteError(className, cut, List.of(), null);
    }

    /** {@code class: message}, as {@link Throwable#toString()} prints it. */
    public String summary() {
        return message == null ? className : className + ": " + message;
    }
}
