package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.RemoteError;

/**
 * A target threw in a worker. The message names the event, the worker and the remote exception's
 * class and message; the stack trace is the remote one, and remote causes are chained as causes.
 */
public class RemoteEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final @Nullable String remoteMessage;

    RemoteEventException(String context, RemoteError error) {
        super(context + ": " + error.summary(), error.cause() == null ? null : new RemoteEventException("caused by", error.cause()));
        this.remoteClassName = error.className();
        this.remoteMessage = error.message();
        setStackTrace(error.stack().toArray(new StackTraceElement[0]));
    }

    /** Class name of the exception thrown in the worker, such as {@code java.lang.IllegalStateException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    /** Message of the exception thrown in the worker. */
    public @Nullable String remoteMessage() {
        return remoteMessage;
    }
}
