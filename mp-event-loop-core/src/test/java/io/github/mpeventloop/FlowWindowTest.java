package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The flow window: about two milliseconds of work wait in a worker, between one event and the maximum. */
class FlowWindowTest {

    @Test
    void itStartsAtOneEvent() {
        FlowWindow window = new FlowWindow(512);
        assertThat(window.size()).isEqualTo(1);
        assertThat(window.room(0, 0)).isEqualTo(1);
        assertThat(window.room(1, 1)).isZero();
    }

    @Test
    void trivialEventsOpenItUpToTheMaximum() {
        FlowWindow window = new FlowWindow(64);
        for (int i = 0; i < 50; i++) {
            window.answered(TimeUnit.MICROSECONDS.toNanos(1));
        }
        assertThat(window.size()).isEqualTo(64);
    }

    @Test
    void eventsOfAMillisecondLeaveRoomForAboutTwoMoreAndLongOnesForOne() {
        FlowWindow window = new FlowWindow(512);
        window.answered(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(window.size()).isEqualTo(3);
        for (int i = 0; i < 100; i++) {
            window.answered(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void concurrentEventsCountOnlyAgainstTheMaximum() {
        FlowWindow window = new FlowWindow(4);
        assertThat(window.room(0, 3)).as("three streams in flight, no plain one").isEqualTo(1);
        assertThat(window.room(0, 4)).isZero();
    }

    @Test
    void aNegativeMeasureCountsAsZero() {
        FlowWindow window = new FlowWindow(8);
        window.answered(-5);
        assertThat(window.size()).isEqualTo(8);
    }
}
