package io.github.mpeventloop;

import static io.github.mpeventloop.EngineFakes.async;
import static io.github.mpeventloop.EngineFakes.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which unanswered events of a worker that ended may have run. */
class LossClassifierTest {

    private static PendingEvent sent(PendingEvent event, long sequence) {
        event.sendSequence = sequence;
        event.attempts = 1;
        return event;
    }

    private final PendingEvent asyncBefore = sent(async(1), 1);
    private final PendingEvent running = sent(plain(2), 2);
    private final PendingEvent plainAfter = sent(plain(3), 3);
    private final PendingEvent asyncAfter = sent(async(4), 4);
    private final List<PendingEvent> unanswered = List.of(asyncBefore, running, plainAfter, asyncAfter);

    @Test
    void afterACrashEveryUnansweredEventMayHaveRun() {
        assertThat(LossClassifier.possiblyStarted(unanswered, false, false, 0)).containsExactlyElementsOf(unanswered);
    }

    @Test
    void afterAGoodbyeNoneStarted() {
        assertThat(LossClassifier.possiblyStarted(unanswered, true, false, 0)).isEmpty();
    }

    @Test
    void whenTheWorkerWasEndedForOneEventOnlyConcurrentEventsSentBeforeItMayHaveStarted() {
        assertThat(LossClassifier.possiblyStarted(unanswered, false, true, running.sendSequence))
                .containsExactly(asyncBefore);
    }

    @Test
    void anEventIsRetriedOnlyWhenItAskedForIt() {
        PendingEvent once = sent(plain(5), 5);
        PendingEvent retried = new PendingEvent(6, Event.of((Target.Call0<Integer>) () -> 1).retries(1),
                new byte[4], CallKind.plain(EngineFakes.OBJECT), null, 0, List.of(), null);
        retried.attempts = 1;
        assertThat(LossClassifier.retryable(once)).isFalse();
        assertThat(LossClassifier.retryable(retried)).isTrue();
        retried.attempts = 2;
        assertThat(LossClassifier.retryable(retried)).as("its retry is spent").isFalse();
    }
}
