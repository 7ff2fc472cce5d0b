package io.github.mpeventloop;

/**
 * An accepted event as an {@link EventLoopListener} sees it. The same object is passed to every
 * callback about one event, so a listener may use it as a key until the event completes.
 */
public interface ObservedEvent {

    /** The event's id within its loop. */
    long id();

    /** The event the caller submitted. */
    Event<?> event();

    /** Whether it is a streamed call, whose items are reported one by one. */
    boolean isStream();

    /** Times it was sent to a worker so far (more than once when it was retried). */
    int attempts();

    /** The worker it was last sent to, or 0 if it was not sent yet. */
    int workerId();

    /**
     * Nanoseconds it waited in the queue before it was last sent to a worker; 0 before it was
     * sent.
     */
    long queueWaitNanos();

    /** Nanoseconds since it was submitted. */
    long ageNanos();

    /**
     * Adds a field that travels with the event's {@code call} frame to the worker, such as a trace
     * context ({@code traceparent}); the worker puts the trace and span ids it finds there into its
     * SLF4J MDC while the event runs. Only effective during
     * {@link EventLoopListener#accepted(ObservedEvent)}: the frame is written right after it.
     *
     * @param key the field's name
     * @param value its value
     */
    void carry(String key, String value);
}
