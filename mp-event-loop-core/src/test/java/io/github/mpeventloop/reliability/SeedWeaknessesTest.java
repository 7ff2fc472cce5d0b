package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.ArgumentNotTransferableException;
import io.github.mpeventloop.Backend;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.EventLoopStoppedException;
import io.github.mpeventloop.RemoteEventException;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.Hazards;
import io.github.mpeventloop.fixtures.MyEvent;
import io.github.mpeventloop.fixtures.Tasks;

/**
 * The seed's weaknesses (seed-inventory §4) that can arise in a Java port, each shown absent.
 * Supervision (W7) and orphans (W8) have their own tests in {@code WorkerProcessTest},
 * {@code ChaosTest} and {@code FailureModesTest}. Not applicable yet: async and iterator loops
 * (W12–W16, W27), cached objects and proxies (W17–W19, W26), which later features bring; W11
 * (half-applied {@code use()}): a backend is a builder setting of one loop; W28 and W29 concern
 * the seed's own tests and docstrings.
 */
class SeedWeaknessesTest {

    private static EventLoopBuilder loop(String name) {
        return EventLoop.builder().name(name);
    }

    @Test
    void w1IdleCloseWakesUpInsteadOfPolling() {
        EventLoop loop = loop("w1").build().start();
        loop.addEvent(Tasks::addOne, 1).join();
        Thread closer = new Thread(loop::close);
        closer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !closer.isAlive());
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void w2StopLosesNoOutputAndEveryEventEnds() {
        List<Long> handled = new CopyOnWriteArrayList<>();
        EventLoop loop = loop("w2").outputHandlers(ResultHandler.of(r -> handled.add(r.eventId()))).build().start();
        List<EventFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(loop.addEvent(Tasks::addOne, i));
        }
        List<Event<?>> notRun = loop.stop();
        long succeeded = futures.stream().filter(future -> !future.isCompletedExceptionally()).count();
        assertThat(futures).allMatch(EventFuture::isDone);
        assertThat(succeeded + notRun.size()).isEqualTo(2000);
        assertThat(handled).hasSize((int) succeeded);
        assertThat(futures).filteredOn(EventFuture::isCompletedExceptionally).allSatisfy(future ->
                assertThatThrownBy(future::join).cause().isInstanceOf(EventLoopStoppedException.class));
    }

    @Test
    void w3ResultsNobodyReadsDoNotPileUpOrBlockClose() {
        try (EventLoop loop = loop("w3").hasResults(false).build().start()) {
            for (int i = 0; i < 2000; i++) {
                loop.addEvent(Tasks::repeat, "x", 10_000);
            }
        }
    }

    @Test
    void w4AValueThatCannotTravelIsRefusedAndNothingHangs() {
        try (EventLoop loop = loop("w4").build().start()) {
            assertThatThrownBy(() -> loop.addEvent(Tasks::describe, new Object()))
                    .isInstanceOf(ArgumentNotTransferableException.class);
            assertThat(loop.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void w5AndW6AHandlerExceptionKillsNoDeliveryAndErrorsReachHandlersWithTheRemoteStack() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ResultHandler throwing = result -> {
            throw new IllegalStateException("handler failed");
        };
        try (EventLoop loop = loop("w5").outputHandlers(throwing, ResultHandler.of(r -> seen.add(
                r.isSuccess() ? r.value() : r.error()))).build().start()) {
            loop.addEvent(Tasks::addOne, 1);
            loop.addEvent(Tasks::fail, "remote");
            loop.addEvent(Tasks::addOne, 2);
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).isInstanceOf(RemoteEventException.class)
                .satisfies(error -> assertThat(((Throwable) error).getStackTrace()[0].getMethodName()).isEqualTo("fail"));
        assertThat(seen).containsSubsequence(2, 3);
    }

    @Test
    void w9StoppingTwoWorkersWithABacklogDoesNotWaitPerItem() {
        EventLoop loop = loop("w9").workers(2).build().start();
        List<EventFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(loop.addEvent(Hazards::spin, i, 1000));
        }
        Thread stopper = new Thread(loop::stop);
        stopper.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !stopper.isAlive());
        assertThat(futures).allMatch(EventFuture::isDone);
    }

    @Test
    void w20MapTakesEachItemAsOneArgumentAndReturnsTheValues() {
        try (EventLoop loop = loop("w20").workers(2).build().start()) {
            assertThat(loop.map(Tasks::length, List.of("abc", "de"))).containsExactly(3, 2);
        }
    }

    @Test
    void w21AnEventsOwnRunIsUsedAndItsKeyIsKept() {
        List<Object> keys = new CopyOnWriteArrayList<>();
        try (EventLoop loop = loop("w21").outputHandlers(ResultHandler.of(r -> keys.add(r.eventKey()))).build().start()) {
            assertThat(loop.addEvent(new MyEvent(3).key("mine")).join()).containsExactly(0, 1, 2);
        }
        assertThat(keys).containsExactly("mine");
    }

    @Test
    void w22ArgumentsAreCapturedAtSubmission() {
        List<String> text = new ArrayList<>(List.of("a"));
        try (EventLoop loop = loop("w22").build()) {
            EventFuture<Integer> size = loop.addEvent(Tasks::size, text);
            text.add("b");
            text.add("c");
            loop.start();
            assertThat(size.join()).isEqualTo(1);
        }
    }

    @Test
    void w23ResultsDoNotCarryTheArgumentsBack() {
        String big = "x".repeat(40 * 1024);
        try (EventLoop loop = loop("w23").maxFrameBytes(64 * 1024).build().start()) {
            assertThat(loop.addEvent(Tasks::echo, big).join()).hasSize(big.length());
        }
    }

    @Test
    void w25HandlersCanBeAddedWhileResultsAreDelivered() {
        AtomicInteger calls = new AtomicInteger();
        try (EventLoop loop = loop("w25").backend(Backend.THREAD).build().start()) {
            for (int i = 0; i < 500; i++) {
                loop.addEvent(Tasks::addOne, i);
                loop.addOutputHandler(ResultHandler.of(r -> calls.incrementAndGet()));
            }
        }
        assertThat(calls.get()).isPositive();
    }

    @Test
    void w24LeavingATryBlockByAnExceptionStillClosesTheLoop() {
        EventLoop[] holder = new EventLoop[1];
        assertThatThrownBy(() -> {
            try (EventLoop loop = loop("w24").build().start()) {
                holder[0] = loop;
                loop.addEvent(Tasks::addOne, 1);
                throw new IllegalStateException("leaving the block");
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(holder[0].isRunning()).isFalse();
        assertThat(holder[0].workers()).isEmpty();
    }
}
