package io.github.mpeventloop;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The caller's handle on a streamed event ({@link EventLoop#addStream}): the items the worker
 * sends, in order, as a blocking {@link #iterator()} or as a {@link Flow.Publisher} (one consumer
 * either way), and {@link #done()}, which completes with the {@link StreamEnd} or fails with the
 * stream's error once every item before it was delivered.
 *
 * <p>The handle is the stream's consumer: the worker sends at most a window of items ahead of what
 * was taken from it (and of what the output handlers processed, when they see the items too), so
 * a stream nobody consumes pauses in its worker. {@link #cancel()} (or {@link #close()}) stops the
 * producer in the worker; {@link #done()} then reports how far it got.
 *
 * @param <T> type of the items
 */
public final class EventStream<T> implements Flow.Publisher<T>, Iterable<T>, AutoCloseable {

    private static final Object NULL = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Object> buffer = new ArrayDeque<>();
    private final CompletableFuture<StreamEnd> done = new CompletableFuture<>();
    private final Class<T> itemType;
    private @Nullable PendingEvent event;
    private @Nullable StreamEnd end;
    private @Nullable Throwable error;
    private boolean consumed;
    private Flow.@Nullable Subscriber<? super T> subscriber;
    private long demand;
    private boolean draining;
    private boolean subscriberDone;

    EventStream(Class<T> itemType) {
        this.itemType = itemType;
    }

    void attach(PendingEvent event) {
        this.event = event;
    }

    /** The event's id, unique within its loop. */
    public long id() {
        return pending().id;
    }

    /** The event as it was submitted. */
    public Event<?> event() {
        return pending().event;
    }

    private PendingEvent pending() {
        PendingEvent current = event;
        if (current == null) {
            throw new IllegalStateException("stream not submitted");
        }
        return current;
    }

    /**
     * Completes when the stream ended, after its last item was delivered: with how many items the
     * worker sent and whether it was cancelled; fails with the producer's error
     * ({@link RemoteEventException}), a lost worker, a timeout, ...
     */
    public CompletableFuture<StreamEnd> done() {
        return done;
    }

    /** Stops the producer in its worker; items already sent may still arrive. Does nothing once the stream ended. */
    public void cancel() {
        PendingEvent current = event;
        if (current != null && current.stream != null) {
            current.stream.cancel();
        }
    }

    /** Cancels the stream unless it has ended. */
    @Override
    public void close() {
        if (!done.isDone()) {
            cancel();
        }
    }

    /**
     * The items, blocking until each arrives; {@code hasNext()} is false after the last one, and
     * throws (as a {@link CompletionException}, or the remote error itself when unchecked) when the
     * stream failed. One consumer per stream: this or {@link #subscribe}, once.
     */
    @Override
    public Iterator<T> iterator() {
        claim();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                lock.lock();
                try {
                    while (buffer.isEmpty() && end == null && error == null) {
                        changed.awaitUninterruptibly();
                    }
                    if (!buffer.isEmpty()) {
                        return true;
                    }
                    if (error != null) {
                        throw error instanceof RuntimeException runtime ? runtime : new CompletionException(error);
                    }
                    return false;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object item;
                lock.lock();
                try {
                    item = buffer.pollFirst();
                } finally {
                    lock.unlock();
                }
                taken();
                return itemType.cast(item == NULL ? null : item);
            }
        };
    }

    /** Waits up to {@code timeout} for the next item without taking it; true if one is there. For tests and polling consumers. */
    boolean awaitItem(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (buffer.isEmpty() && end == null && error == null) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return !buffer.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers the items to one subscriber, as it requests them. One consumer per stream: this or {@link #iterator()}, once. */
    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        try {
            claim();
        } catch (IllegalStateException e) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(e);
            return;
        }
        lock.lock();
        try {
            this.subscriber = subscriber;
        } finally {
            lock.unlock();
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    fail(new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)"));
                    return;
                }
                lock.lock();
                try {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                } finally {
                    lock.unlock();
                }
                drain();
            }

            @Override
            public void cancel() {
                lock.lock();
                try {
                    subscriberDone = true;
                } finally {
                    lock.unlock();
                }
                EventStream.this.cancel();
            }
        });
        drain();
    }

    private void claim() {
        lock.lock();
        try {
            if (consumed) {
                throw new IllegalStateException("stream " + (event == null ? "" : event.id + " ")
                        + "already has its consumer");
            }
            consumed = true;
        } finally {
            lock.unlock();
        }
        PendingEvent current = event;
        if (current != null && current.stream != null) {
            current.stream.handleOpened();
        }
    }

    private void taken() {
        PendingEvent current = event;
        if (current != null && current.stream != null) {
            current.stream.taken();
        }
    }

    /** Delivers to the subscriber what it asked for; one thread at a time delivers, the others leave it the work. */
    private void drain() {
        lock.lock();
        try {
            if (draining || subscriber == null) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        while (true) {
            Object item;
            Flow.Subscriber<? super T> target;
            Throwable failure = null;
            boolean complete = false;
            lock.lock();
            try {
                target = subscriber;
                if (subscriberDone || target == null) {
                    draining = false;
                    return;
                }
                if (!buffer.isEmpty() && demand > 0) {
                    item = buffer.pollFirst();
                    demand--;
                } else if (buffer.isEmpty() && (end != null || error != null)) {
                    item = null;
                    failure = error;
                    complete = failure == null;
                    subscriberDone = true;
                } else {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (failure != null) {
                target.onError(failure);
            } else if (complete) {
                target.onComplete();
            } else if (item == NULL) {
                taken();
                fail(new NullPointerException("stream " + id() + " sent a null item, which a Flow.Subscriber cannot take"));
            } else {
                taken();
                target.onNext(itemType.cast(item));
            }
        }
    }

    private void fail(Throwable failure) {
        Flow.Subscriber<? super T> target;
        lock.lock();
        try {
            if (subscriberDone) {
                return;
            }
            subscriberDone = true;
            target = subscriber;
        } finally {
            lock.unlock();
        }
        cancel();
        if (target != null) {
            target.onError(failure);
        }
    }

    // ---------------------------------------------------------------- from the loop

    void push(@Nullable Object item) {
        lock.lock();
        try {
            buffer.addLast(item == null ? NULL : item);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        drain();
    }

    void ended(@Nullable StreamEnd streamEnd, @Nullable Throwable failure) {
        lock.lock();
        try {
            if (end != null || error != null) {
                return;
            }
            end = streamEnd;
            error = failure;
            if (end == null && error == null) {
                end = new StreamEnd(0, false);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(streamEnd);
        }
        drain();
    }

    @Override
    public String toString() {
        return "EventStream[" + (event == null ? "?" : event.id) + "]";
    }
}
