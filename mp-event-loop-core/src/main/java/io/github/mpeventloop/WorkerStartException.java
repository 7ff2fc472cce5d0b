package io.github.mpeventloop;

/** A worker could not be started: the JVM did not come up, or did not complete the handshake in time. */
public class WorkerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public WorkerStartException(String message) {
        super(message);
    }
}
