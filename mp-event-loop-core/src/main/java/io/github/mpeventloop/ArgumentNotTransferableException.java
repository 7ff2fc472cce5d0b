package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * An argument (or a value a lambda captured) cannot travel to a worker: Jackson cannot write it,
 * or it is not of the type the target declares. Thrown by {@code addEvent} in the caller's thread;
 * nothing was queued.
 */
public class ArgumentNotTransferableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String position;
    private final String typeName;

    ArgumentNotTransferableException(String position, String typeName, String reason, @Nullable Throwable cause) {
        super(position + " of type " + typeName + " cannot be sent to a worker: " + reason, cause);
        this.position = position;
        this.typeName = typeName;
    }

    /** Which value it is: {@code argument 1}, {@code captured value 0 (receiver)}. */
    public String position() {
        return position;
    }

    /** Class of the value. */
    public String typeName() {
        return typeName;
    }
}
