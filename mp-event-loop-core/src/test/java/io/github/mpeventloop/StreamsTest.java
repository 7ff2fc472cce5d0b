package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.AsyncTasks;
import io.github.mpeventloop.fixtures.Tasks;

/** Asynchronous and streaming targets on process workers: the seed's AsyncEventLoop and IterEventLoop in Java form. */
class StreamsTest {

    @Test
    void theSeedsAsyncExampleGivesOneTwoThreeAndTheTwoGeneratorsInterleaved() {
        List<Object> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> {
            if (!result.isEndOfStream()) {
                results.add(result.value());
            }
        });
        List<EventFuture<?>> futures = new ArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("async-seed").outputHandlers(saveResults)
                .register("print_test", (Target.Call2<Integer, String, CompletableFuture<Integer>>) AsyncTasks::printTest)
                .build()) {
            futures.add(loop.addAsync(AsyncTasks::printTest, 1, "hello"));
            futures.add(loop.addAsync(AsyncTasks::printTest, 2, "hi"));
            futures.add(loop.addEvent("print_test", 3, "oi"));
            loop.addEvent(Event.of(AsyncTasks::yieldRange, 5, "first"));
            loop.addEvent(Event.of(AsyncTasks::yieldRange, 5, "second"));
            loop.start();
        }

        assertThat(futures.stream().map(future -> (Object) future.join()).toList()).containsExactly(1, 2, 3);
        assertThat(results).hasSize(13).containsAll(List.of(1, 2, 3));
        List<Object> items = results.stream().filter(String.class::isInstance).toList();
        assertThat(items.stream().filter(item -> ((String) item).startsWith("first")))
                .containsExactly("first 0", "first 1", "first 2", "first 3", "first 4");
        assertThat(items.stream().filter(item -> ((String) item).startsWith("second")))
                .containsExactly("second 0", "second 1", "second 2", "second 3", "second 4");
        assertThat(items.indexOf("second 0")).isLessThan(items.indexOf("first 4"));
    }

    @Test
    void twoAsynchronousEventsThatWaitForEachOtherBothCompleteInOneWorker() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        try (EventLoop loop = EventLoop.builder().name("async-meet").hasResults(false).build().start()) {
            EventFuture<String> first = loop.addAsync(AsyncTasks::meet, a, b);
            EventFuture<String> second = loop.addAsync(AsyncTasks::meet, b, a);

            assertThat(first.join()).isEqualTo(a + " met " + b);
            assertThat(second.join()).isEqualTo(b + " met " + a);
            assertThat(loop.workers()).hasSize(1);
        }
    }

    @Test
    void anAsyncTargetSubmittedWithAddEventCompletesWithACompletedStage() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("async-stage").hasResults(false).build().start()) {
            CompletableFuture<Integer> stage = loop.addEvent(AsyncTasks::printTest, 7, "stage").join();
            assertThat(stage.get()).isEqualTo(7);
        }
    }

    @Test
    void aShortEventBehindAStreamOfAMillionItemsCompletesWhileTheStreamProduces() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("stream-fair").hasResults(false).build().start()) {
            EventStream<Long> stream = loop.addStream(AsyncTasks::count, 1_000_000L);
            AtomicLong taken = new AtomicLong();
            Thread consumer = new Thread(() -> stream.forEach(item -> taken.incrementAndGet()), "test-consumer");
            consumer.start();

            EventFuture<Integer> shortEvent = loop.addEvent(Tasks::addOne, 1);

            assertThat(shortEvent.join()).isEqualTo(2);
            assertThat(stream.done()).isNotDone();
            assertThat(taken.get()).isLessThan(1_000_000L);
            stream.cancel();
            assertThat(stream.done().join().cancelled()).isTrue();
            consumer.join();
        }
    }

    @Test
    void cancellingAStreamStopsItsProducerWhichReportsHowFarItGot() {
        try (EventLoop loop = EventLoop.builder().name("stream-cancel").hasResults(false).build().start()) {
            long pid = loop.workers().get(0).pid();
            EventStream<Long> stream = loop.addStream(AsyncTasks::count, 1_000_000L);
            Iterator<Long> items = stream.iterator();
            for (long i = 0; i < 10; i++) {
                assertThat(items.next()).isEqualTo(i);
            }

            stream.cancel();

            StreamEnd end = stream.done().join();
            assertThat(end.cancelled()).isTrue();
            assertThat(end.items()).isBetween(10L, 999_999L);
            long rest = 0;
            while (items.hasNext()) {
                items.next();
                rest++;
            }
            assertThat(10 + rest).isEqualTo(end.items());
            assertThat(loop.addEvent(Tasks::pid).join()).isEqualTo(pid);
        }
    }

    @Test
    void aStreamWhoseProducerThrowsDeliversTheItemsBeforeItThenTheError() {
        List<EventResult<?>> seen = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("stream-error").outputHandlers(ResultHandler.of(seen::add))
                .build().start()) {
            EventStream<Integer> stream = loop.addStream(Event.of(AsyncTasks::failingAt, 3), Integer.class);
            Iterator<Integer> items = stream.iterator();
            List<Integer> received = new ArrayList<>();
            assertThatThrownBy(() -> items.forEachRemaining(received::add)).isInstanceOf(RemoteEventException.class)
                    .hasMessageContaining("producer failed at 3");
            assertThat(received).containsExactly(0, 1, 2);
            assertThatThrownBy(() -> stream.done().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(RemoteEventException.class);
        }
        assertThat(seen).hasSize(4);
        assertThat(seen.subList(0, 3)).allMatch(EventResult::isItem).extracting(EventResult::itemIndex)
                .containsExactly(0L, 1L, 2L);
        EventResult<?> last = seen.get(3);
        assertThat(last.isEndOfStream()).isTrue();
        assertThat(last.error()).isInstanceOf(RemoteEventException.class);
        assertThat(last.itemCount()).isEqualTo(3);
    }

    @Test
    void handlersSeeEachItemThenTheEndAndTheFutureCompletesWithNull() {
        List<EventResult<?>> seen = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("stream-handlers").outputHandlers(ResultHandler.of(seen::add))
                .build().start()) {
            EventFuture<List<String>> whole = loop.addEvent(AsyncTasks::letters);
            EventFuture<List<String>> streamed = loop.addEvent(Event.of(AsyncTasks::letters).streamed().key("s"));
            assertThat(whole.join()).containsExactly("a", "b", "c");
            assertThat(streamed.join()).isNull();
        }
        List<EventResult<?>> ofStream = seen.stream().filter(result -> "s".equals(result.eventKey())).toList();
        assertThat(ofStream.stream().map(result -> (Object) result.value()).toList()).containsExactly("a", "b", "c", null);
        assertThat(ofStream.get(3).isEndOfStream()).isTrue();
        assertThat(ofStream.get(3).itemCount()).isEqualTo(3);
        assertThat(ofStream.get(3).isCancelled()).isFalse();
    }

    @Test
    void aPublisherTargetIsStreamedAndCanBeCalledByName() {
        try (EventLoop loop = EventLoop.builder().name("stream-publisher").hasResults(false)
                .register("published", (Target.Call1<Integer, java.util.concurrent.Flow.Publisher<String>>) AsyncTasks::published)
                .build().start()) {
            List<Object> words = new ArrayList<>();
            loop.addStream("published", 300).forEach(words::add);
            assertThat(words).hasSize(300).startsWith("word 0", "word 1").endsWith("word 299");
        }
    }

    @Test
    void aStreamNobodyConsumesPausesAfterItsWindowAndResumesAsItemsAreTaken() {
        String key = "window-" + UUID.randomUUID();
        try (EventLoop loop = EventLoop.builder().name("stream-window").hasResults(false).build().start()) {
            EventStream<Long> stream = loop.addStream(AsyncTasks::counted, key, 1_000_000L);
            await().until(() -> loop.addEvent(AsyncTasks::produced, key).join(), produced -> produced == 128);

            Iterator<Long> items = stream.iterator();
            for (int i = 0; i < 64; i++) {
                items.next();
            }

            await().until(() -> loop.addEvent(AsyncTasks::produced, key).join(), produced -> produced == 192);
            assertThat(loop.addEvent(AsyncTasks::produced, key).join()).isEqualTo(192);
            stream.cancel();
            assertThat(stream.done().join()).isEqualTo(new StreamEnd(192, true));
        }
    }

    @Test
    void aStreamWhoseWorkerDiesEndsWithWorkerLostAndTheLoopGoesOn() {
        try (EventLoop loop = EventLoop.builder().name("stream-lost").hasResults(false).build().start()) {
            EventStream<Object> stream = loop.addStream(Event.of(AsyncTasks::haltingAt, 3));
            assertThatThrownBy(() -> stream.done().join()).hasCauseInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("exited with code 9");
            List<Object> received = new ArrayList<>();
            assertThatThrownBy(() -> stream.forEach(received::add)).isInstanceOf(WorkerLostException.class);
            assertThat(received).isSubsetOf(0, 1, 2);
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        }
    }

    @Test
    void anAsynchronousEventPastItsTimeoutFailsAndItsWorkerGoesOn() {
        try (EventLoop loop = EventLoop.builder().name("async-timeout").hasResults(false).build().start()) {
            long pid = loop.workers().get(0).pid();
            EventFuture<CompletableFuture<String>> never = loop.addEvent(
                    Event.of(AsyncTasks::never).timeout(Duration.ofMillis(200)));
            assertThatThrownBy(never::join).hasCauseInstanceOf(EventTimeoutException.class);
            assertThat(loop.addEvent(Tasks::pid).join()).isEqualTo(pid);
            assertThat(loop.restarts()).isZero();
        }
    }
}
