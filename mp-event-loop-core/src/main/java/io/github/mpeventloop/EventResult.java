package io.github.mpeventloop;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What output handlers receive for each finished event: the submitted event, its value or its
 * error, its key, the worker that ran it and how long it took.
 *
 * <p>A streamed event (a target returning a {@code Stream}, {@code Iterator} or
 * {@code Flow.Publisher}, or a call marked {@link CallEvent#streamed()}) gives one result per item,
 * {@link #isItem()} with its {@link #itemIndex()} (0, 1, ...) and the item as {@link #value()},
 * then exactly one last result, {@link #isEndOfStream()}: with no error when the stream ended or
 * was {@link #isCancelled() cancelled} (its {@link #itemCount()} says how many items the worker
 * sent), or with the error that ended it. Handlers that only want values skip the end:
 * {@code if (result.isEndOfStream()) return false;}.
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
    private final long itemIndex;
    private final boolean endOfStream;
    private final long itemCount;
    private final boolean cancelled;

    EventResult(long eventId, Event<R> event, @Nullable R value, @Nullable Throwable error, int workerId,
            long executionNanos, long latencyNanos, int attempts) {
        this(eventId, event, value, error, workerId, executionNanos, latencyNanos, attempts, -1, false, -1, false);
    }

    EventResult(long eventId, Event<R> event, @Nullable R value, @Nullable Throwable error, int workerId,
            long executionNanos, long latencyNanos, int attempts, long itemIndex, boolean endOfStream, long itemCount,
            boolean cancelled) {
        this.itemIndex = itemIndex;
        this.endOfStream = endOfStream;
        this.itemCount = itemCount;
        this.cancelled = cancelled;
        this.eventId = eventId;
        this.event = event;
        this.value = value;
        this.error = error;
        this.workerId = workerId;
        this.executionNanos = executionNanos;
        this.latencyNanos = latencyNanos;
        this.attempts = attempts;
    }

    /** Whether this is one item of a streamed event (not its end). */
    public boolean isItem() {
        return itemIndex >= 0;
    }

    /** The item's position in its stream (0, 1, ...), or -1 when this is no item. */
    public long itemIndex() {
        return itemIndex;
    }

    /** Whether this is the last result of a streamed event: its end, its cancellation or its error. */
    public boolean isEndOfStream() {
        return endOfStream;
    }

    /** At the end of a stream, how many items the worker sent (after a cancellation: how far it got); else -1. */
    public long itemCount() {
        return itemCount;
    }

    /**
     * Whether the event was cancelled: a stream that ended because it was cancelled, or an event
     * whose future was cancelled (its {@link #error()} is then a
     * {@link java.util.concurrent.CancellationException}).
     */
    public boolean isCancelled() {
        return cancelled;
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
                + (itemIndex >= 0 ? ", item " + itemIndex : "") + (endOfStream ? ", end of " + itemCount + " items"
                        + (cancelled ? " (cancelled)" : "") : "")
                + (error == null ? ", value=" + value : ", error=" + error) + "]";
    }
}
