package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.EventLoopInterruptedException;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.EventStream;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.AsyncTasks;
import io.github.mpeventloop.fixtures.Blocking;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Tasks;

/** EventFuture.cancel cancels the event, in the queue, in the worker, and running (issue 13). */
class CancellationTest {

    @TempDir
    Path scratch;

    private final List<EventResult<?>> seen = new CopyOnWriteArrayList<>();

    private EventLoop loop(String name) {
        return EventLoop.builder().name(name).outputHandlers(ResultHandler.of(seen::add)).cancelGrace(Duration.ofSeconds(2))
                .build().start();
    }

    private List<EventResult<?>> seenOf(EventFuture<?> future) {
        return seen.stream().filter(result -> result.eventId() == future.id()).toList();
    }

    @Test
    void aQueuedEventIsRemovedAndNeverRuns() throws Exception {
        Path mark = scratch.resolve("queued-ran");
        try (EventLoop loop = loop("cancel-queued"); Gate gate = new Gate()) {
            EventFuture<String> running = loop.addEvent(Blocking::awaitSignal, gate.port());
            EventFuture<String> queued = loop.addEvent(Blocking::mark, mark.toString());
            assertThat(queued.cancel(false)).isTrue();
            assertThat(queued.cancel(false)).as("a second cancel: it is cancelled, as CompletableFuture says").isTrue();
            assertThatThrownBy(queued::join).isInstanceOf(CancellationException.class);
            gate.open();
            assertThat(running.join()).isEqualTo("signalled 1");
            loop.awaitIdle();
            assertThat(mark).doesNotExist();
            assertThat(seenOf(queued)).singleElement().satisfies(result -> {
                assertThat(result.isCancelled()).isTrue();
                assertThat(result.error()).isInstanceOf(CancellationException.class);
            });
        }
    }

    @Test
    void anAwaitedStageIsCancelledInItsWorkerWhichGoesOn() throws Exception {
        try (EventLoop loop = loop("cancel-async")) {
            EventFuture<String> never = loop.addAsync(AsyncTasks::never);
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.inFlight() == 1);
            assertThat(never.cancel(true)).isTrue();
            loop.awaitIdle();
            assertThat(seenOf(never)).singleElement().satisfies(result -> assertThat(result.isCancelled()).isTrue());
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            assertThat(loop.restarts()).isZero();
        }
    }

    @Test
    void aStreamIsCancelledThroughItsHandle() {
        try (EventLoop loop = loop("cancel-stream")) {
            EventStream<Long> stream = loop.addStream(AsyncTasks::count, Long.MAX_VALUE);
            assertThat(stream.iterator().next()).isZero();
            stream.cancel();
            loop.awaitIdle();
            assertThat(seen).filteredOn(EventResult::isEndOfStream).singleElement()
                    .satisfies(end -> assertThat(end.isCancelled()).isTrue());
            assertThat(loop.restarts()).isZero();
        }
    }

    @Test
    void aRunningEventThatHonoursTheInterruptStopsAndItsWorkerGoesOn() throws Exception {
        try (EventLoop loop = loop("cancel-interrupt"); Gate gate = new Gate()) {
            long pid = loop.addEvent(Blocking::pid).join();
            EventFuture<String> sleeping = loop.addEvent(Blocking::signalThenSleep, gate.port());
            gate.awaitCaller();
            assertThat(sleeping.cancel(true)).isTrue();
            loop.awaitIdle();
            assertThat(seenOf(sleeping)).singleElement().satisfies(result -> assertThat(result.isCancelled()).isTrue());
            assertThat(loop.addEvent(Blocking::pid).join()).as("the same worker").isEqualTo(pid);
            assertThat(loop.restarts()).isZero();
        }
    }

    @Test
    void aRunningEventThatIgnoresTheInterruptCostsItsWorkerAndNothingElse() throws Exception {
        try (EventLoop loop = loop("cancel-ignored"); Gate gate = new Gate()) {
            long pid = loop.addEvent(Blocking::pid).join();
            EventFuture<Integer> hanging = loop.addEvent(Blocking::signalThenHang, gate.port());
            gate.awaitCaller();
            EventFuture<Integer> behind = loop.addEvent(Tasks::addOne, 41);
            long cancelled = System.nanoTime();
            assertThat(hanging.cancel(true)).isTrue();
            assertThat(behind.join()).as("the event behind it runs on the replacement").isEqualTo(42);
            System.out.println("CANCEL: cancel(true) of an event ignoring interrupts -> the event behind it answered "
                    + "by the replacement after " + Duration.ofNanos(System.nanoTime() - cancelled).toMillis()
                    + " ms (cancel grace 2000 ms)");
            assertThat(loop.addEvent(Blocking::pid).join()).as("a new worker").isNotEqualTo(pid);
            assertThat(loop.restarts()).isEqualTo(1);
            loop.awaitIdle();
            assertThat(seenOf(hanging)).singleElement().satisfies(result -> assertThat(result.isCancelled()).isTrue());
            assertThat(seenOf(behind)).singleElement().satisfies(result -> assertThat(result.isSuccess()).isTrue());
        }
    }

    @Test
    void callersCannotCompleteAnEventsFuture() throws Exception {
        try (EventLoop loop = loop("no-complete"); Gate gate = new Gate()) {
            EventFuture<String> running = loop.addEvent(Blocking::awaitSignal, gate.port());
            assertThatThrownBy(() -> running.complete("fake")).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("only its loop completes it");
            assertThatThrownBy(() -> running.obtrudeValue("fake")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> running.completeExceptionally(new IllegalStateException()))
                    .isInstanceOf(UnsupportedOperationException.class);
            gate.open();
            assertThat(running.join()).isEqualTo("signalled 1");
        }
    }

    @Test
    void anInterruptedMapCancelsItsParts() throws Exception {
        Path mark = scratch.resolve("second-part-ran");
        try (EventLoop loop = loop("map-cancel"); Gate gate = new Gate()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread mapper = new Thread(() -> {
                try {
                    loop.map(Blocking::awaitOrMark, List.of(gate.port() + ":", gate.port() + ":" + mark));
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            mapper.start();
            gate.awaitCaller();
            mapper.interrupt();
            mapper.join();
            assertThat(failure.get()).isInstanceOf(EventLoopInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            gate.open();
            loop.awaitIdle();
            assertThat(mark).as("the queued part never ran").doesNotExist();
            assertThat(seen).hasSize(2).allSatisfy(result -> assertThat(result.isCancelled()).isTrue());
        }
    }
}
