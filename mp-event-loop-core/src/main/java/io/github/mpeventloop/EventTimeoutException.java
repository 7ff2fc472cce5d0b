package io.github.mpeventloop;

import java.time.Duration;

/**
 * An event ran longer than its timeout. Its worker, which cannot be trusted to stop the target on
 * its own, was ended and is replaced; the other events it held were retried or failed.
 */
public class EventTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    EventTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
