package io.github.mpeventloop;

/** Why a loop refused an event at submission, as {@link EventLoopListener#rejected} reports it. */
public enum RejectionReason {

    /** The loop is stopping, or was told to stop accepting events. */
    STOPPED,
    /** The loop is down: workers could not be kept alive within the restart budget. */
    DOWN,
    /** The queue was full and stayed full for the configured wait (or the loop rejects at once). */
    QUEUE_FULL,
    /** The submitting thread was interrupted while it waited for room in the queue. */
    INTERRUPTED,
    /** An argument or the event itself cannot travel to a worker (not encodable, or too large). */
    NOT_TRANSFERABLE
}
