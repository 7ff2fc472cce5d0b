package io.github.mpeventloop;

/**
 * {@code addEvent} could not queue the event: the queue stayed full for the configured time (or
 * the loop rejects at once when full), or the loop is down because workers cannot be kept alive.
 * Nothing was queued.
 */
public class EventRejectedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    EventRejectedException(String message) {
        super(message);
    }
}
