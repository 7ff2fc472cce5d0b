package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog puts its periodic look on the loop's timer only once timeouts are in use: from the
 * start with a loop-wide timeout, else from the first event with one, including an event accepted
 * before the loop started; at most one look per run. The timer is a real scheduled executor whose
 * queue shows what is scheduled; the pool has no worker, so no look ever reaches the answer path,
 * which this rule does not involve.
 */
class WatchdogTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final Watchdog watchdog = new Watchdog(new WorkerPool(new DispatchSignal()), null);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void eventsWithoutATimeoutScheduleNothing() {
        watchdog.start(timer, false);
        watchdog.watch(withTimeout(1, 0));
        watchdog.watch(withTimeout(2, 0));
        assertThat(timer.getQueue()).isEmpty();
    }

    @Test
    void theFirstEventWithATimeoutSchedulesOneLook() {
        watchdog.start(timer, false);
        watchdog.watch(withTimeout(1, TimeUnit.SECONDS.toNanos(1)));
        watchdog.watch(withTimeout(2, TimeUnit.SECONDS.toNanos(2)));
        assertThat(timer.getQueue()).hasSize(1);
    }

    @Test
    void anEventWithATimeoutAcceptedBeforeTheStartIsLookedAfterFromTheStart() {
        watchdog.watch(withTimeout(1, TimeUnit.SECONDS.toNanos(1)));
        assertThat(timer.getQueue()).isEmpty();
        watchdog.start(timer, false);
        assertThat(timer.getQueue()).hasSize(1);
    }

    @Test
    void aLoopWideTimeoutLooksFromTheStartAndEachRunLooksOnItsOwnTimer() {
        watchdog.start(timer, true);
        assertThat(timer.getQueue()).hasSize(1);
        ScheduledThreadPoolExecutor nextRun = new ScheduledThreadPoolExecutor(1);
        try {
            watchdog.start(nextRun, false);
            assertThat(nextRun.getQueue()).hasSize(1);
        } finally {
            nextRun.shutdownNow();
        }
    }

    private static PendingEvent withTimeout(long id, long timeoutNanos) {
        return new PendingEvent(id, Event.of((Target.Call0<Integer>) () -> 1), PendingEvent.NOT_ENCODED,
                EngineFakes.OBJECT, timeoutNanos, List.of(), null);
    }
}
