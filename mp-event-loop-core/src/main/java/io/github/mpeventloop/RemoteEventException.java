package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.RemoteError;

/**
 * A target threw in a worker. The message names the event, the worker and the remote exception's
 * class and message; the stack trace is the remote one, the remote causes are chained as causes and
 * the remote suppressed exceptions are suppressed here, each a {@code RemoteEventException} that
 * prints as the remote exception did ({@code Caused by: java.lang.IllegalStateException: ...},
 * {@code Suppressed: ...}), so the whole trace reads like a local one.
 */
public class RemoteEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final @Nullable String remoteMessage;
    /** A cause or suppressed exception, printed as the remote exception itself. */
    private final boolean nested;

    RemoteEventException(String context, RemoteError error) {
        this(context + ": " + error.summary(), error, false);
    }

    private RemoteEventException(String message, RemoteError error, boolean nested) {
        super(message, error.cause() == null ? null : new RemoteEventException(error.cause().summary(), error.cause(), true));
        this.remoteClassName = error.className();
        this.remoteMessage = error.message();
        this.nested = nested;
        setStackTrace(error.stack().toArray(new StackTraceElement[0]));
        for (RemoteError suppressed : error.suppressed()) {
            addSuppressed(new RemoteEventException(suppressed.summary(), suppressed, true));
        }
    }

    /**
     * The exception an {@code error} answer fails its event with: a
     * {@link ResultNotTransferableException} when the worker could not write the result, otherwise
     * a {@code RemoteEventException}.
     */
    static RuntimeException of(String context, RemoteError error) {
        RemoteEventException remote = new RemoteEventException(context, error);
        if (ResultNotTransferableException.class.getName().equals(error.className())) {
            return new ResultNotTransferableException(context + ": " + error.message(), remote);
        }
        return remote;
    }

    /** Class name of the exception thrown in the worker, such as {@code java.lang.IllegalStateException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** Message of the exception thrown in the worker. */
    public @Nullable String remoteMessage() {
        return remoteMessage;
    }

    /** For a remote cause or suppressed exception, the remote exception as it printed; otherwise as usual. */
    @Override
    public String toString() {
        return nested ? String.valueOf(getMessage()) : super.toString();
    }
}
