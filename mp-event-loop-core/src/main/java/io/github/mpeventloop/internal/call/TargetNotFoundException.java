package io.github.mpeventloop.internal.call;

import org.jspecify.annotations.Nullable;

/** A target names a class, method or constructor that does not exist where it should run. */
public final class TargetNotFoundException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TargetNotFoundException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
