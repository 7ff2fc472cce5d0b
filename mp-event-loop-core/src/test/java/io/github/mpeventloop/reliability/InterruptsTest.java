package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopInterruptedException;
import io.github.mpeventloop.EventRejectedException;
import io.github.mpeventloop.fixtures.Blocking;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Tasks;

/** An interrupted caller is told so, with the interrupt as the cause and its flag kept (issue 13). */
class InterruptsTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anAddEventWaitingForRoomIsRejectedWithTheInterruptAsItsCause() {
        EventLoop loop = EventLoop.builder().name("interrupted-add").backend(Backend.THREAD).queueCapacity(1)
                .blockWhenFull(Duration.ofMinutes(1)).build();
        loop.addEvent(Tasks::addOne, 1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 2)).isInstanceOf(EventRejectedException.class)
                .hasMessageContaining("interrupted").hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("the flag is kept").isTrue();
        Thread.interrupted();
        assertThat(loop.stop()).as("only the first event was accepted").hasSize(1);
    }

    @Test
    void anInterruptedAwaitIdleThrowsAndKeepsTheFlag() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("interrupted-idle").backend(Backend.THREAD).build().start();
                Gate gate = new Gate()) {
            loop.addEvent(Blocking::awaitSignal, gate.port());
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.inFlight() == 1);
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> loop.awaitIdle(Duration.ofMinutes(1)))
                    .isInstanceOf(EventLoopInterruptedException.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("the flag was kept").isTrue();
            gate.open();
            assertThat(loop.awaitIdle(Duration.ofMinutes(1))).isTrue();
        }
    }
}
