package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop's timer releases dropped objects only once the loop has cached one: a loop that never
 * caches an object is not woken ten times a second for it. The timer is a real scheduled executor
 * whose queue shows what is scheduled.
 */
class CachedObjectsReleaseTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final CachedObjects objects = new CachedObjects();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void theFirstCachedObjectSchedulesTheReleasesAndLookingOneUpDoesNot() {
        objects.startReleasing(timer);
        assertThat(objects.find(new Object(), false)).isNull();
        assertThat(timer.getQueue()).isEmpty();

        objects.find(new Object(), true);
        objects.remoteOnly(new Object(), Object.class);
        assertThat(timer.getQueue()).hasSize(1);
    }

    @Test
    void anObjectCachedBeforeTheStartOrAnEarlierRunSchedulesThemAtTheStart() {
        objects.remoteOnly(new Object(), Object.class);
        assertThat(timer.getQueue()).isEmpty();
        objects.startReleasing(timer);
        assertThat(timer.getQueue()).hasSize(1);

        ScheduledThreadPoolExecutor nextRun = new ScheduledThreadPoolExecutor(1);
        try {
            objects.startReleasing(nextRun);
            assertThat(nextRun.getQueue()).hasSize(1);
        } finally {
            nextRun.shutdownNow();
        }
    }
}
