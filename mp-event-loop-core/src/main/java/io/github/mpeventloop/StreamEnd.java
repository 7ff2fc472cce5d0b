package io.github.mpeventloop;

/**
 * How a stream ended: the number of items its producer sent, and whether it stopped because it was
 * cancelled ({@link EventStream#cancel()}) rather than because it ran out of items.
 *
 * @param items items the worker sent: after a cancellation, how far the producer got
 * @param cancelled whether the stream was cancelled
 */
public record StreamEnd(long items, boolean cancelled) {
}
