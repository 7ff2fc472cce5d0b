package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.Hazards;
import io.github.mpeventloop.fixtures.Tasks;

/** Workers replaced between events, after N events or above a heap mark, without failing any event. */
class RecyclingTest {

    @Test
    void aWorkerIsReplacedAfterItsEventBudgetWithoutFailingAnyEvent() {
        List<EventFuture<Long>> pids = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("recycle-events").recycleAfterEvents(50).build().start()) {
            for (int i = 0; i < 200; i++) {
                pids.add(loop.addEvent(Tasks::pid));
            }
            loop.awaitIdle();
        }
        Set<Long> distinct = pids.stream().map(EventFuture::join).collect(Collectors.toSet());
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aWorkerWhoseHeapStaysAboveTheMarkIsReplacedBetweenEvents() {
        try (EventLoop loop = EventLoop.builder().name("recycle-heap").jvmOptions("-Xmx256m")
                .recycleAboveHeap(48L << 20).build().start()) {
            long first = loop.addEvent(Tasks::pid).join();
            assertThat(loop.addEvent(Hazards::retain, 64).join()).isEqualTo(64);
            List<EventFuture<Long>> after = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                after.add(loop.addEvent(Tasks::pid));
            }
            loop.awaitIdle();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> loop.addEvent(Tasks::pid).join() != first);
            assertThat(after).allSatisfy(future -> assertThat(future.join()).isPositive());
            assertThat(loop.restarts()).isGreaterThanOrEqualTo(1);
        }
    }
}
