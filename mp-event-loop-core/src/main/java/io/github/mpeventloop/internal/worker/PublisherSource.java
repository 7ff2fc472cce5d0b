package io.github.mpeventloop.internal.worker;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Publisher} as an {@link ItemSource}: it is asked for one item at a time, and asked
 * for the next only when the event thread took the previous one, so that it never runs ahead of
 * the stream's credit. Signals arrive on the publisher's threads and wake the event thread.
 */
final class PublisherSource implements ItemSource, Flow.Subscriber<Object> {

    private static final Object NULL = new Object();

    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    private final Runnable wakeUp;
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean completed;
    private volatile @Nullable Throwable failure;
    private boolean requested;

    @SuppressWarnings("unchecked")
    PublisherSource(Flow.Publisher<?> publisher, Runnable wakeUp) {
        this.wakeUp = wakeUp;
        ((Flow.Publisher<Object>) publisher).subscribe(this);
    }

    @Override
    public @Nullable Object poll() throws Exception {
        Object item = items.poll();
        if (item != null) {
            requested = false;
            return item == NULL ? null : item;
        }
        Throwable error = failure;
        if (error != null) {
            throw error instanceof Exception exception ? exception : new IllegalStateException(error);
        }
        if (completed) {
            return END;
        }
        Flow.Subscription current = subscription;
        if (current != null && !requested) {
            requested = true;
            current.request(1);
            item = items.poll();
            if (item != null) {
                requested = false;
                return item == NULL ? null : item;
            }
        }
        return NOT_READY;
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        wakeUp.run();
    }

    @Override
    public void onNext(Object item) {
        items.add(item == null ? NULL : item);
        wakeUp.run();
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        wakeUp.run();
    }

    @Override
    public void onComplete() {
        completed = true;
        wakeUp.run();
    }
}
