package io.github.mpeventloop;

import tools.jackson.databind.JavaType;

/**
 * An accepted event on its way through the loop: the submitted event, its future, its encoded
 * {@code call} frame (made at submission, in the caller's thread) and the type its value is read
 * back as.
 */
final class PendingEvent {

    final long id;
    final Event<Object> event;
    final EventFuture<Object> future;
    final byte[] frame;
    final JavaType resultType;
    final long submittedNanos;

    @SuppressWarnings("unchecked")
    PendingEvent(long id, Event<?> event, byte[] frame, JavaType resultType) {
        this.id = id;
        this.event = (Event<Object>) event;
        this.future = new EventFuture<>(id, this.event);
        this.frame = frame;
        this.resultType = resultType;
        this.submittedNanos = System.nanoTime();
    }

    boolean hasOutput() {
        return event.hasOutput();
    }
}
