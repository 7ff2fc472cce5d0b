package io.github.mpeventloop;

/**
 * A target's value could not come back: the worker could not write it (a type that cannot travel,
 * a limit crossed: the message says which), or this process could not read it as the declared
 * type. The worker and the other events are not affected.
 */
public class ResultNotTransferableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResultNotTransferableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Thrown in a worker when a target's result cannot be written; the event fails with it. */
    public ResultNotTransferableException(String message) {
        super(message);
    }
}
