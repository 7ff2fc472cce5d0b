package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.WorkerFrame;

/**
 * What a {@link WorkerSession}'s reader thread tells its loop: the only way a session reaches the
 * engine, so that neither knows the other's class. Answers go to the answer path, the worker's
 * own news (recycle me, I ended) to supervision.
 */
interface SessionListener {

    /** A final answer to {@code event}. */
    void answered(WorkerSession session, PendingEvent event, WorkerFrame.Answer answer);

    /** One item of a stream. */
    void item(WorkerSession session, PendingEvent event, WorkerFrame.Item item);

    /** The reader is about to block: results it collected go to the consumer now. */
    void deliverPending(WorkerSession session);

    /** After each answer, with the worker's count of events done. */
    void afterAnswer(WorkerSession session, long eventsDone);

    /** The worker asks to be replaced between events. */
    void retireRequested(WorkerSession session, String because);

    /** An answer left the worker {@code freeSlots} of room in a window of {@code windowSize} events. */
    void capacityChanged(int freeSlots, int windowSize);

    /** The worker's channel ended: after its goodbye, or not. */
    void ended(WorkerSession session, boolean saidBye, @Nullable Throwable cause);
}
