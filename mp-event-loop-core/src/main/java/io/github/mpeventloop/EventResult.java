package io.github.mpeventloop;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What output handlers receive for each finished event: the submitted event, its value or its
 * error, its key, the worker that ran it and how long it took.
 *
 * @param <R> type of the value
 */
public final class EventResult<R> {

    private final long eventId;
    private final Event<R> event;
    private final @Nullable R value;
    private final @Nullable Throwable error;
    private final int workerId;
    private final long executionNanos;
    private final long latencyNanos;
    private final int attempts;

    EventResult(long eventId, Event<R> event, @Nullable R value, @Nullable Throwable error, int workerId,
            long executionNanos, long latencyNanos, int attempts) {
        this.eventId = eventId;
        this.event = event;
        this.value = value;
        this.error = error;
        this.workerId = workerId;
        this.executionNanos = executionNanos;
        this.latencyNanos = latencyNanos;
        this.attempts = attempts;
    }

    /** How many times the event was sent to a worker: more than one when it was retried after a worker died. */
    public int attempts() {
        return attempts;
    }

    public long eventId() {
        return eventId;
    }

    /** The event as it was submitted (the seed's finished event object). */
    public Event<R> event() {
        return event;
    }

    /** The value the target returned; {@code null} when it failed or returns nothing. */
    public @Nullable R value() {
        return value;
    }

    /**
     * Why the event failed: a {@link RemoteEventException} naming the remote exception, a
     * {@link WorkerLostException}, ...; {@code null} on success.
     */
    public @Nullable Throwable error() {
        return error;
    }

    public boolean isSuccess() {
        return error == null;
    }

    /** The event's key (the seed's {@code event_key}), or {@code null}. */
    public @Nullable Object eventKey() {
        return event.key();
    }

    /** Id of the worker that ran the event, or 0 when it never reached one. */
    public int workerId() {
        return workerId;
    }

    /** Time the target ran in the worker. */
    public Duration executionTime() {
        return Duration.ofNanos(executionNanos);
    }

    /** Time from submission to the result's arrival in this process. */
    public Duration latency() {
        return Duration.ofNanos(latencyNanos);
    }

    @Override
    public String toString() {
        return "EventResult[id=" + eventId + ", key=" + eventKey() + ", worker=" + workerId
                + (error == null ? ", value=" + value : ", error=" + error) + "]";
    }
}
