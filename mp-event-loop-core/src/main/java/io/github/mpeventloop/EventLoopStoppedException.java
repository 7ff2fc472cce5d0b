package io.github.mpeventloop;

/**
 * The loop is stopping or stopped: thrown by {@code addEvent} while it stops, and the failure of
 * every event that {@link EventLoop#stop()} took back before it ran.
 */
public class EventLoopStoppedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    EventLoopStoppedException(String message) {
        super(message);
    }
}
