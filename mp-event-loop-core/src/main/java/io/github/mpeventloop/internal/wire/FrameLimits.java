package io.github.mpeventloop.internal.wire;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.FrameTooLargeException;

/** Finds the frame limit behind an encoding failure: Jackson wraps what the frame buffer throws inside an object's fields. */
public final class FrameLimits {

    private FrameLimits() {
    }

    /** The {@link FrameTooLargeException} in {@code error}'s cause chain, or {@code null}. */
    public static @Nullable FrameTooLargeException tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FrameTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
