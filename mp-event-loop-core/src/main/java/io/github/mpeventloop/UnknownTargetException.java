package io.github.mpeventloop;

/** An event names a target that is not registered with the loop. Thrown by {@code addEvent}; nothing was queued. */
public class UnknownTargetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownTargetException(String message) {
        super(message);
    }
}
