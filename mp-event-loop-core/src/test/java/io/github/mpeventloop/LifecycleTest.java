package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Tasks;

/** The seed's lifecycle: start, run, wait, stop, close, events before start, result delivery. */
class LifecycleTest {

    private static EventLoopBuilder threads(String name) {
        return EventLoop.builder().name(name).backend(Backend.THREAD);
    }

    @Test
    void eventsSubmittedBeforeStartAreKeptAndRunAfterIt() {
        List<Object> results = new CopyOnWriteArrayList<>();
        EventLoop loop = EventLoop.builder().name("before-start").outputHandlers(ResultHandler.of(r -> results.add(r.value()))).build();
        loop.addEvent(Tasks::addOne, 1);
        loop.addEvent(Tasks::addOne, 2);
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.queueDepth()).isEqualTo(2);
        assertThatThrownBy(() -> loop.awaitIdle(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 event(s) wait for start()");

        loop.start();
        assertThat(loop.isRunning()).isTrue();
        loop.addEvent(Tasks::addOne, 3);
        loop.close();

        assertThat(results).containsExactly(2, 3, 4);
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.workers()).isEmpty();
    }

    @Test
    void oneWorkerRunsEventsInSubmissionOrderAndHandlersSeeThemInThatOrder() {
        List<Object> results = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("ordered").outputHandlers(ResultHandler.of(r -> results.add(r.value())))
                .build().start()) {
            for (int i = 0; i < 2000; i++) {
                loop.addEvent(Tasks::addOne, i);
            }
        }
        assertThat(results).containsExactlyElementsOf(IntStream.rangeClosed(1, 2000).boxed().toList());
    }

    @Test
    void handlersRunOnTheConsumerThreadNotTheCallers() {
        List<String> threadNames = new CopyOnWriteArrayList<>();
        try (EventLoop loop = threads("consumer-thread")
                .outputHandlers(ResultHandler.of(r -> threadNames.add(Thread.currentThread().getName()))).build().start()) {
            loop.addEvent(Tasks::addOne, 1);
        }
        assertThat(threadNames).containsExactly("mp-event-loop-consumer-consumer-thread");
    }

    @Test
    void closeIsIdempotentAndTheLoopCanBeStartedAgain() {
        List<Object> results = new CopyOnWriteArrayList<>();
        EventLoop loop = threads("restartable").outputHandlers(ResultHandler.of(r -> results.add(r.value()))).build();
        loop.start();
        loop.addEvent(Tasks::addOne, 1);
        loop.close();
        loop.close();
        loop.start();
        loop.addEvent(Tasks::addOne, 2);
        loop.close();
        assertThat(results).containsExactly(2, 3);
    }

    @Test
    void withoutResultsNoConsumerThreadRunsAndFuturesStillComplete() {
        try (EventLoop loop = threads("no-results").hasResults(false).build().start()) {
            EventFuture<Integer> future = loop.addEvent(Tasks::addOne, 1);
            assertThat(future.join()).isEqualTo(2);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("mp-event-loop-consumer-no-results"));
        }
    }

    @Test
    void severalLoopsDeliverIntoOneSharedConsumer() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ResultConsumer shared = new ResultConsumer("shared")) {
            ResultHandler record = ResultHandler.of(r -> seen.add(Thread.currentThread().getName() + ":" + r.value()));
            try (EventLoop first = threads("first").consumer(shared).outputHandlers(record).build().start();
                    EventLoop second = threads("second").consumer(shared).outputHandlers(record).build().start()) {
                first.addEvent(Tasks::addOne, 10);
                second.addEvent(Tasks::addOne, 20);
                first.addEvent(Tasks::addOne, 30);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("mp-event-loop-consumer-shared:11", "mp-event-loop-consumer-shared:21",
                "mp-event-loop-consumer-shared:31");
    }

    @Test
    void insertOutputHandlerPutsAHandlerFirstAndMovesOneAlreadyThere() {
        List<String> order = new CopyOnWriteArrayList<>();
        ResultHandler a = ResultHandler.of(r -> order.add("a"));
        ResultHandler b = ResultHandler.of(r -> order.add("b"));
        ResultHandler c = ResultHandler.of(r -> order.add("c"));
        try (EventLoop loop = threads("insert").outputHandlers(a, b).build()) {
            loop.addOutputHandler(a);
            loop.insertOutputHandler(0, c);
            loop.insertOutputHandler(0, b);
            assertThat(loop.outputHandlers()).containsExactly(b, c, a);
            loop.start().addEvent(Tasks::addOne, 1);
        }
        assertThat(order).containsExactly("b", "c", "a");
    }

    @Test
    void handlersCanRunOnAnExecutorSuchAsAGuiThread() {
        ExecutorService gui = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "gui"));
        List<String> threadNames = new CopyOnWriteArrayList<>();
        try (EventLoop loop = threads("gui").handlerExecutor(gui)
                .outputHandlers(ResultHandler.of(r -> threadNames.add(Thread.currentThread().getName()))).build().start()) {
            loop.addEvent(Tasks::addOne, 1);
            loop.addEvent(Tasks::addOne, 2);
        } finally {
            gui.shutdown();
        }
        assertThat(threadNames).containsExactly("gui", "gui");
    }

    @Test
    void stopHandsBackTheEventsThatDidNotRun() throws InterruptedException {
        CountDownLatch handlerEntered = new CountDownLatch(1);
        CountDownLatch releaseHandler = new CountDownLatch(1);
        EventLoop loop = threads("stop").workers(1).outputHandlers(ResultHandler.of(r -> {
            handlerEntered.countDown();
            await(releaseHandler);
        })).build();
        List<EventFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(loop.addEvent(Tasks::addOne, i));
        }
        List<Event<?>> notRun = loop.stop();
        assertThat(notRun).hasSize(5);
        assertThat(futures).allSatisfy(future -> assertThatThrownBy(future::join)
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(EventLoopStoppedException.class)
                .hasMessageContaining("was stopped before it started this event"));

        loop.start();
        EventFuture<Integer> ran = loop.addEvent(Tasks::addOne, 100);
        handlerEntered.await();
        releaseHandler.countDown();
        loop.close();
        assertThat(ran.join()).isEqualTo(101);
    }

    @Test
    void stopAcceptingRefusesNewEventsWhileAcceptedOnesStillRun() {
        List<Object> results = new CopyOnWriteArrayList<>();
        EventLoop loop = threads("draining").outputHandlers(ResultHandler.of(r -> results.add(r.value()))).build();
        loop.addEvent(Tasks::addOne, 1);
        loop.stopAccepting();
        assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 2)).isInstanceOf(EventLoopStoppedException.class)
                .hasMessageContaining("takes no new events");
        loop.start();
        loop.addEvent(Tasks::addOne, 3);
        loop.stopAccepting();
        assertThat(loop.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(loop.stop()).isEmpty();
        assertThat(results).containsExactly(2, 4);
    }

    @Test
    void awaitIdleFromAHandlerIsRefusedInsteadOfWaitingForItself() {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        EventLoop[] self = new EventLoop[1];
        try (EventLoop loop = threads("reentrant").outputHandlers(ResultHandler.of(r -> {
            try {
                self[0].awaitIdle();
            } catch (IllegalStateException e) {
                errors.add(e);
            }
        })).build().start()) {
            self[0] = loop;
            loop.addEvent(Tasks::addOne, 1);
        }
        assertThat(errors).singleElement().extracting(Throwable::getMessage).asString()
                .contains("would wait for itself");
    }

    @Test
    void mapSpreadsItemsOverWorkersAndReturnsValuesInItemOrder() {
        try (EventLoop loop = EventLoop.builder().name("pool").workers(2).build().start()) {
            List<Integer> values = loop.map(Tasks::addOne, IntStream.range(0, 200).boxed().toList());
            assertThat(values).containsExactlyElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
            assertThat(loop.workers()).hasSize(2);
        }
    }

    @Test
    void mapInBatchesReturnsEveryValueInItemOrderAndNamesTheItemThatFailed() {
        List<Object> batches = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("batched").workers(2)
                .outputHandlers(ResultHandler.of(r -> batches.add(r.value()))).build().start()) {
            List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
            assertThat(loop.map(Tasks::addOne, items, 500)).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, 10_000).boxed().toList());
            loop.awaitIdle();
            assertThat(batches).hasSize(20).allSatisfy(batch -> assertThat((List<?>) batch).hasSize(500));

            assertThatThrownBy(() -> loop.map(Tasks::fail, List.of("a", "b", "c"), 2))
                    .isInstanceOf(RemoteEventException.class).hasMessageContaining("item 0 of the batch failed");
            assertThatThrownBy(() -> loop.map(Tasks::addOne, List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
