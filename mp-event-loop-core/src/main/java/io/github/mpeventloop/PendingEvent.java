package io.github.mpeventloop;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JavaType;

/**
 * An accepted event on its way through the loop: the submitted event, its future, its encoded
 * {@code call} frame (made at submission, in the caller's thread) and the type its value is read
 * back as.
 */
final class PendingEvent implements ObservedEvent {

    final long id;
    final Event<Object> event;
    final EventFuture<Object> future;
    /** The frame of an event not encoded yet. */
    static final byte[] NOT_ENCODED = new byte[0];

    /** Written once, at submission, before the event is queued. */
    byte[] frame;
    final JavaType resultType;
    final long submittedNanos;
    /** Nanos of the event's timeout, 0 for none. */
    final long timeoutNanos;
    /** Times sent to a worker; the dispatcher and the readers update it, one at a time. */
    volatile int attempts;
    /** When it was last sent to a worker, and its place in that worker's order of sending. */
    volatile long sentNanos;
    volatile long sendSequence;

    @SuppressWarnings("unchecked")
    /** Cached objects the event uses: it must run in the worker that holds them. */
    final List<ObjectHandle> pins;
    /** The proxy whose mirror the answer updates, or {@code null}. */
    final @Nullable Proxy<?> proxy;
    /** Plain, asynchronous or streamed. */
    final CallKind kind;
    /** The parent's side of a stream, or {@code null}. */
    final @Nullable StreamState stream;
    /** The worker it was last sent to, or {@code null}. */
    volatile @Nullable WorkerSession session;
    /** A step of a worker's setup (initializer, saved variables): it belongs to that one worker. */
    volatile boolean workerSetup;
    /** The caller cancelled it: a {@code cancel} frame follows its call. */
    volatile boolean cancelRequested;
    /** Set by the one {@code finish} that ends it; any later attempt does nothing. */
    final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
    /** The mirrored properties of a proxy call's answer. */
    volatile java.util.@Nullable Map<String, Object> mirror;
    /** Whether the loop's listeners follow it: it was accepted through {@code submit}. */
    volatile boolean observed;
    /** Fields listeners asked to carry in its frame; {@code null} for none. */
    java.util.@Nullable Map<String, String> carried;

    PendingEvent(long id, Event<?> event, byte[] frame, JavaType resultType, long timeoutNanos,
            List<ObjectHandle> pins, @Nullable Proxy<?> proxy) {
        this(id, event, frame, CallKind.plain(resultType), null, timeoutNanos, pins, proxy);
    }

    PendingEvent(long id, Event<?> event, byte[] frame, CallKind kind, @Nullable StreamState stream, long timeoutNanos,
            List<ObjectHandle> pins, @Nullable Proxy<?> proxy) {
        this.id = id;
        this.event = (Event<Object>) event;
        this.future = new EventFuture<>(id, this.event);
        this.frame = frame;
        this.resultType = kind.valueType();
        this.kind = kind;
        this.stream = stream;
        this.submittedNanos = System.nanoTime();
        this.timeoutNanos = timeoutNanos;
        this.pins = pins;
        this.proxy = proxy;
    }

    boolean canRetry() {
        return attempts <= event.retries();
    }

    boolean isPlain() {
        return kind.isPlain();
    }

    @Override
    public boolean isStream() {
        return kind.mode() == CallKind.Mode.STREAM;
    }

    boolean hasOutput() {
        return event.hasOutput();
    }

    /** Whether output handlers see this event's result: not for no-output events nor proxy calls. */
    boolean reachesHandlers() {
        return event.hasOutput() && proxy == null;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Event<?> event() {
        return event;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public int workerId() {
        WorkerSession last = session;
        return last == null ? 0 : last.id();
    }

    @Override
    public long queueWaitNanos() {
        return attempts == 0 ? 0 : sentNanos - submittedNanos;
    }

    @Override
    public long ageNanos() {
        return System.nanoTime() - submittedNanos;
    }

    @Override
    public void carry(String key, String value) {
        if (carried == null) {
            carried = new java.util.LinkedHashMap<>();
        }
        carried.put(key, value);
    }
}
