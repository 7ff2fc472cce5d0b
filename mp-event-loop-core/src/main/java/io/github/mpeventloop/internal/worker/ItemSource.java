package io.github.mpeventloop.internal.worker;

import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.stream.BaseStream;

import org.jspecify.annotations.Nullable;

/**
 * What a streaming target returned, seen one item at a time by the worker's event thread. A
 * {@link #poll()} either gives the next item, says the source ended, or says that nothing is ready
 * yet (a publisher that has not delivered); such a source calls the wake-up it was given once
 * something is ready.
 */
interface ItemSource {

    /** Marker returned by {@link #poll()} when the source has no more items. */
    Object END = new Object();
    /** Marker returned by {@link #poll()} when no item is ready yet. */
    Object NOT_READY = new Object();

    /**
     * The next item, {@link #END} or {@link #NOT_READY}.
     *
     * @throws Exception what the producer threw
     */
    @Nullable Object poll() throws Exception;

    /** Stops the producer: closes the stream or iterator, cancels the subscription. */
    void close();

    /**
     * Adapts a target's result: a {@link BaseStream}, an {@link Iterator}, an {@link Iterable} or a
     * {@link Flow.Publisher}; {@code wakeUp} is called from any thread when a publisher has
     * something ready.
     *
     * @throws IllegalStateException if the result is none of those
     */
    static ItemSource of(@Nullable Object result, Runnable wakeUp) {
        if (result instanceof BaseStream<?, ?> stream) {
            return new IteratorSource(stream.iterator(), stream);
        }
        if (result instanceof Iterator<?> iterator) {
            return new IteratorSource(iterator, iterator instanceof AutoCloseable closeable ? closeable : null);
        }
        if (result instanceof Iterable<?> iterable) {
            return new IteratorSource(iterable.iterator(), iterable instanceof AutoCloseable closeable ? closeable : null);
        }
        if (result instanceof Flow.Publisher<?> publisher) {
            return new PublisherSource(publisher, wakeUp);
        }
        throw new IllegalStateException("a streamed call must return a Stream, an Iterator, an Iterable or a "
                + "Flow.Publisher, returned " + (result == null ? "null" : "a " + result.getClass().getName()));
    }
}
