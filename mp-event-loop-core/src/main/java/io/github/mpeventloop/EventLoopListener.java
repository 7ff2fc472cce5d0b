package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * Sees the life of every event of a loop and of its workers, on the loop's own path: whatever the
 * output handlers do, whether the event asked for output or not. Metrics and traces are built on
 * it; the loop's own counters ({@link EventLoop#stats()}) are one such listener.
 *
 * <p>Callbacks run on the loop's threads (the submitting thread, the dispatcher, a worker's reader,
 * the watchdog) and must be quick and must not block; an exception a listener throws is logged and
 * changes nothing for the event. Every method does nothing by default.
 *
 * <p>For each event: {@link #accepted} in the submitting thread, then either {@link #rejected}
 * (it could not be encoded, the loop is stopping or down, or the queue refused it) or, after any
 * number of {@link #dispatched} (one per attempt) and {@link #item}s, exactly one
 * {@link #completed}.
 */
public interface EventLoopListener {

    /**
     * The loop took the event and gave it an id: it is encoded and queued right after this
     * returns, which may still {@linkplain #rejected reject} it. The listener may
     * {@linkplain ObservedEvent#carry carry} fields to the worker.
     *
     * @param event the event
     */
    default void accepted(ObservedEvent event) {
    }

    /**
     * The loop refused the event after {@link #accepted}; {@code addEvent} throws.
     *
     * @param event the event
     * @param reason why
     */
    default void rejected(ObservedEvent event, RejectionReason reason) {
    }

    /**
     * The event was sent to a worker (again, if it is retried).
     *
     * @param event the event; its {@link ObservedEvent#queueWaitNanos()} is now known
     */
    default void dispatched(ObservedEvent event) {
    }

    /**
     * One item of a streamed call arrived, whether or not output handlers see it.
     *
     * @param event the stream
     * @param index the item's index within the stream
     */
    default void item(ObservedEvent event, long index) {
    }

    /**
     * The event ended, before its future completes.
     *
     * @param event the event
     * @param outcome how it ended
     * @param error its failure, {@code null} for {@link EventOutcome#VALUE} and a cancelled stream
     * @param executionNanos how long it ran in its worker, as the worker measured it (0 if it did
     *     not run or the time is unknown)
     */
    default void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error,
            long executionNanos) {
    }

    /**
     * A worker completed its handshake and takes events, at start or as a replacement.
     *
     * @param worker the worker
     */
    default void workerStarted(WorkerInfo worker) {
    }

    /**
     * A worker ended without saying goodbye (crash, exit, kill, lost channel); its events in flight
     * are retried or failed as {@link EventOutcome#LOST}.
     *
     * @param worker the worker, as it was last
     * @param reason what is known of its end
     */
    default void workerLost(WorkerInfo worker, String reason) {
    }

    /**
     * A worker was ended because the event it ran exceeded its timeout (or a stream sent nothing
     * for that long).
     *
     * @param worker the worker
     * @param reason which event and which timeout
     */
    default void workerHung(WorkerInfo worker, String reason) {
    }

    /**
     * A worker is being replaced between events (its event budget or heap threshold was reached);
     * it finishes what it has.
     *
     * @param worker the worker
     * @param reason why
     */
    default void workerRecycled(WorkerInfo worker, String reason) {
    }
}
