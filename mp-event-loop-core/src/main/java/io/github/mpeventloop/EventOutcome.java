package io.github.mpeventloop;

/**
 * How an accepted event ended, as {@link EventLoopListener#completed} reports it. Every accepted
 * event that was not {@linkplain EventLoopListener#rejected rejected} ends exactly once, with one
 * of these outcomes.
 */
public enum EventOutcome {

    /** It ran and its value (or, for a stream, its end) came back. */
    VALUE,
    /** It failed: the target threw in the worker, or its value could not be read back here. */
    ERROR,
    /** It ran longer than its timeout and was failed; a plain event's worker was ended for it. */
    TIMEOUT,
    /** Its worker was lost while it was in flight, and it was not retried. */
    LOST,
    /** The caller cancelled it ({@link EventFuture#cancel} or {@link EventStream#cancel()}), queued or running. */
    CANCELLED,
    /** It never ran: the loop stopped or went down first and handed it back. */
    HANDED_BACK
}
