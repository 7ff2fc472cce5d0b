package io.github.mpeventloop;

import static io.github.mpeventloop.EngineFakes.afterTrivialEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The flow window: about two milliseconds of work wait in a worker (times the launcher's factor), between one event and the maximum. */
class FlowWindowTest {

    @Test
    void itStartsAtOneEvent() {
        FlowWindow window = FlowWindow.of(512, 1);
        assertThat(window.size()).isEqualTo(1);
        assertThat(window.room(0, 0)).isEqualTo(1);
        assertThat(window.room(1, 1)).isZero();
    }

    @Test
    void trivialEventsOpenItUpToTheMaximum() {
        FlowWindow window = afterTrivialEvents(FlowWindow.of(64, 1));
        assertThat(window.size()).isEqualTo(64);
    }

    @Test
    void eventsOfAMillisecondLeaveRoomForAboutTwoMoreAndLongOnesForOne() {
        FlowWindow window = FlowWindow.of(512, 1);
        window.answered(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(window.size()).isEqualTo(3);
        for (int i = 0; i < 100; i++) {
            window.answered(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void eventsUpToFiftyMillisecondsKeepTheNextOneWaitingLongerOnesDoNot() {
        FlowWindow window = FlowWindow.of(512, 1);
        window.answered(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(window.size()).as("20 ms events: the next one waits behind the running one").isEqualTo(2);
        assertThat(window.room(1, 1)).isEqualTo(1);

        FlowWindow atTheLimit = FlowWindow.of(512, 1);
        atTheLimit.answered(FlowWindow.NEXT_WAITS_UP_TO_NANOS);
        assertThat(atTheLimit.size()).isEqualTo(2);

        FlowWindow longer = FlowWindow.of(512, 1);
        longer.answered(FlowWindow.NEXT_WAITS_UP_TO_NANOS + 1);
        assertThat(longer.size()).as("longer events are handed out one at a time").isEqualTo(1);
    }

    @Test
    void aWindowOfOneStaysOneEvenForShortEvents() {
        FlowWindow window = FlowWindow.of(1, 1);
        window.answered(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void concurrentEventsCountOnlyAgainstTheMaximum() {
        FlowWindow window = FlowWindow.of(4, 1);
        assertThat(window.room(0, 3)).as("three streams in flight, no plain one").isEqualTo(1);
        assertThat(window.room(0, 4)).isZero();
    }

    @Test
    void aNegativeMeasureCountsAsZero() {
        FlowWindow window = FlowWindow.of(8, 1);
        window.answered(-5);
        assertThat(window.size()).isEqualTo(8);
    }

    @Test
    void aLauncherFactorMultipliesTheQueuedWorkAndTheDefaultMaximum() {
        FlowWindow local = FlowWindow.of(0, 1);
        FlowWindow remote = FlowWindow.of(0, 4);
        assertThat(local.max()).isEqualTo(EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER);
        assertThat(remote.max()).isEqualTo(4 * EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER);
        local.answered(TimeUnit.MILLISECONDS.toNanos(1));
        remote.answered(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(local.size()).as("2 ms of 1 ms events behind the first").isEqualTo(3);
        assertThat(remote.size()).as("8 ms of 1 ms events behind the first").isEqualTo(9);
        assertThat(afterTrivialEvents(remote).size()).isEqualTo(4 * EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER);
    }

    @Test
    void aMaximumTheLoopWasGivenIsKeptWhateverTheFactor() {
        FlowWindow window = afterTrivialEvents(FlowWindow.of(100, 4));
        assertThat(window.max()).isEqualTo(100);
        assertThat(window.size()).isEqualTo(100);
    }

    @Test
    void aFactorBelowOneCountsAsOne() {
        FlowWindow window = FlowWindow.of(0, 0);
        window.answered(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(window.max()).isEqualTo(EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER);
        assertThat(window.size()).isEqualTo(3);
    }
}
