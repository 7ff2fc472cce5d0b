package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventRejectedException;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.fixtures.Hazards;
import io.github.mpeventloop.fixtures.Tasks;

/** A target that always kills its worker turns the loop down after the restart budget instead of restarting for ever. */
class RestartBudgetTest {

    @Test
    void aCrashLoopTakesTheLoopDownAndNewEventsGetAClearError() {
        EventLoop loop = EventLoop.builder().name("crash-loop").restartBudget(2, Duration.ofMinutes(1))
                .restartBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).build().start();
        try {
            List<EventFuture<Integer>> crashes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                crashes.add(loop.addEvent(Hazards::exit, 9));
            }
            for (EventFuture<Integer> crash : crashes) {
                assertThatThrownBy(crash::join).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WorkerLostException.class);
            }
            await().atMost(Duration.ofSeconds(30)).until(loop::isDown);
            assertThat(loop.downReason()).contains("2 workers were replaced within PT1M");
            assertThat(loop.restarts()).isEqualTo(2);
            assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 1)).isInstanceOf(EventRejectedException.class)
                    .hasMessageContaining("crash-loop is down");
        } finally {
            loop.close();
        }
        loop.start();
        try {
            assertThat(loop.isDown()).isFalse();
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        } finally {
            loop.close();
        }
    }
}
