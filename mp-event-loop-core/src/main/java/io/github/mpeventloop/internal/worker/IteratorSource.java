package io.github.mpeventloop.internal.worker;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

/** A stream, iterator or iterable as an {@link ItemSource}: pulled on the event thread, one item per poll. */
final class IteratorSource implements ItemSource {

    private final Iterator<?> iterator;
    private final @Nullable AutoCloseable resource;

    IteratorSource(Iterator<?> iterator, @Nullable AutoCloseable resource) {
        this.iterator = iterator;
        this.resource = resource;
    }

    @Override
    public @Nullable Object poll() {
        return iterator.hasNext() ? iterator.next() : END;
    }

    @Override
    public void close() {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // the stream is over either way
            }
        }
    }
}
