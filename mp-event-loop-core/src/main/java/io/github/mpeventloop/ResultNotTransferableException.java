package io.github.mpeventloop;

/** A target's value could not come back: the worker could not write it, or this process could not read it as the declared type. */
public class ResultNotTransferableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResultNotTransferableException(String message, Throwable cause) {
        super(message, cause);
    }
}
