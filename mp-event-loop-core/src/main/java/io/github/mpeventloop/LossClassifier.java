package io.github.mpeventloop;

import java.util.ArrayList;
import java.util.List;

/**
 * Which unanswered events of a worker that ended may have started, and so may have run. After a
 * crash, all of them: a worker sends its answers in batches (within a millisecond of each event's
 * end), so an event may have finished with its answer still in the dead worker's buffer. Where the
 * worker's end is known to follow one event ({@code ended}: it was ended because that event timed
 * out, was cancelled, or hit a fatal error), that event was running and nothing sent after it had
 * started; the plain events sent before it were answered, so only the asynchronous and streaming
 * events sent before it may be under way. A worker that said goodbye answered everything first:
 * none of the rest started. Pure: the events' send order decides.
 */
final class LossClassifier {

    private LossClassifier() {
    }

    /**
     * The events that may have started, in order.
     *
     * @param unanswered the unanswered events, oldest first
     * @param saidBye whether the worker said goodbye
     * @param ended whether the worker's end follows the event with {@code endingSequence}
     * @param endingSequence the send sequence of that event
     */
    static List<PendingEvent> possiblyStarted(List<PendingEvent> unanswered, boolean saidBye, boolean ended,
            long endingSequence) {
        if (saidBye) {
            return List.of();
        }
        if (!ended) {
            return new ArrayList<>(unanswered);
        }
        List<PendingEvent> started = new ArrayList<>();
        for (PendingEvent event : unanswered) {
            if (!event.isPlain() && event.sendSequence < endingSequence) {
                started.add(event);
            }
        }
        return started;
    }

    /** Whether a possibly started event may run again: it asked for retries and no item of it was seen. */
    static boolean retryable(PendingEvent event) {
        boolean replayable = event.stream == null || event.stream.received() == 0;
        return event.canRetry() && replayable;
    }
}
