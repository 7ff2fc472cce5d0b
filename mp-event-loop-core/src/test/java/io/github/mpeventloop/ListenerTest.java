package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.AsyncTasks;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.fixtures.TraceTasks;

/**
 * The loop's listener and its own counters, through real process workers: each count is exact,
 * whatever the output handlers do.
 */
class ListenerTest {

    @Test
    void everyEventIsCountedOnceByOutcomeWithStreamItemsApartAndAHandlerThatStopsPropagationChangesNothing() {
        Recording recording = new Recording();
        List<EventResult<?>> seenAfterTheStopper = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("listener-counts").workers(2).listener(recording)
                .outputHandlers(ResultHandler.of(seenAfterTheStopper::add)).build().start()) {
            loop.insertOutputHandler(0, result -> true);
            List<EventFuture<Integer>> plain = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                plain.add(i % 10 == 0 ? loop.addEvent(Tasks::fail, "failure " + i) : loop.addEvent(Tasks::addOne, i));
            }
            EventStream<Long> stream = loop.addStream(AsyncTasks::count, 1_000L);
            long itemsTaken = 0;
            for (Long ignored : stream) {
                itemsTaken++;
            }
            for (int i = 0; i < 50; i++) {
                loop.addEvent(Event.of(Tasks::addOne, i).noOutput());
            }
            assertThat(loop.awaitIdle(Duration.ofMinutes(2))).isTrue();

            assertThat(itemsTaken).isEqualTo(1_000);
            assertThat(plain.stream().filter(future -> future.isCompletedExceptionally()).count()).isEqualTo(10);
            assertThat(seenAfterTheStopper).isEmpty();
            EventLoopStats stats = loop.stats();
            assertThat(stats.accepted()).isEqualTo(151);
            assertThat(stats.completed(EventOutcome.VALUE)).isEqualTo(141);
            assertThat(stats.completed(EventOutcome.ERROR)).isEqualTo(10);
            assertThat(stats.completedTotal()).isEqualTo(151);
            assertThat(stats.items()).isEqualTo(1_000);
            assertThat(stats.dispatched()).isEqualTo(151);
            assertThat(stats.rejectedTotal()).isZero();
            assertThat(stats.workersStarted()).isEqualTo(2);
            assertThat(stats.workersLost() + stats.workersHung() + stats.workersRecycled()).isZero();

            assertThat(recording.accepted).hasSize(151);
            assertThat(recording.outcomes).hasSize(151);
            assertThat(recording.outcomes.values().stream().filter(outcome -> outcome == EventOutcome.ERROR).count())
                    .isEqualTo(10);
            assertThat(recording.items.get()).isEqualTo(1_000);
            assertThat(recording.dispatchedWithWait).hasSize(151);
            assertThat(recording.executed.get()).isEqualTo(151);
        }
    }

    @Test
    void fiveEventsRejectedByAFullQueueAndFiveCancelledWhileQueuedAreCountedByReasonAndOutcome() {
        Recording recording = new Recording();
        EventLoop loop = EventLoop.builder().name("listener-reject").queueCapacity(5).rejectWhenFull()
                .listener(recording).build();
        try {
            List<EventStream<Long>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(loop.addStream(AsyncTasks::count, 10L));
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 1)).isInstanceOf(EventRejectedException.class)
                        .hasMessageContaining("is full");
            }
            queued.forEach(EventStream::cancel);

            EventLoopStats stats = loop.stats();
            assertThat(stats.rejected(RejectionReason.QUEUE_FULL)).isEqualTo(5);
            assertThat(stats.rejectedTotal()).isEqualTo(5);
            assertThat(stats.completed(EventOutcome.CANCELLED)).isEqualTo(5);
            assertThat(stats.completedTotal()).isEqualTo(5);
            assertThat(stats.accepted()).isEqualTo(10);
            assertThat(stats.dispatched()).isZero();
            assertThat(recording.rejected).containsOnlyKeys(RejectionReason.QUEUE_FULL);
            assertThat(queued).allSatisfy(stream -> assertThat(stream.done().join().cancelled()).isTrue());
        } finally {
            loop.close();
        }
    }

    @Test
    void fivePlainEventsCancelledWhileQueuedEndOnceAsCancelledAndFiveRejectedAreCountedApart() {
        Recording recording = new Recording();
        EventLoop loop = EventLoop.builder().name("listener-cancel").queueCapacity(5).rejectWhenFull()
                .listener(recording).build();
        try {
            List<EventFuture<Integer>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(loop.addEvent(Tasks::addOne, i));
            }
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 1)).isInstanceOf(EventRejectedException.class);
            }
            assertThat(queued).allSatisfy(future -> assertThat(future.cancel(false)).isTrue());

            EventLoopStats stats = loop.stats();
            assertThat(stats.completed(EventOutcome.CANCELLED)).isEqualTo(5);
            assertThat(stats.completedTotal()).isEqualTo(5);
            assertThat(stats.rejected(RejectionReason.QUEUE_FULL)).isEqualTo(5);
            assertThat(recording.outcomes.values()).containsOnly(EventOutcome.CANCELLED);
            assertThat(loop.queueDepth()).isZero();
        } finally {
            loop.close();
        }
        assertThat(loop.stats().completed(EventOutcome.HANDED_BACK)).isZero();
    }

    @Test
    void eventsRefusedByAStoppedLoopAndArgumentsThatCannotTravelAreRejectedWithTheirReason() {
        EventLoop loop = EventLoop.builder().name("listener-refused").backend(Backend.THREAD).build().start();
        try {
            assertThatThrownBy(() -> loop.addEvent(Tasks::describe, new Object()))
                    .isInstanceOf(ArgumentNotTransferableException.class);
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            loop.stopAccepting();
            assertThatThrownBy(() -> loop.addEvent(Tasks::addOne, 1)).isInstanceOf(EventLoopStoppedException.class);
        } finally {
            loop.close();
        }
        EventLoopStats stats = loop.stats();
        assertThat(stats.rejected(RejectionReason.NOT_TRANSFERABLE)).isEqualTo(1);
        assertThat(stats.rejected(RejectionReason.STOPPED)).isEqualTo(1);
        assertThat(stats.completed(EventOutcome.VALUE)).isEqualTo(1);
        assertThat(stats.completedTotal()).isEqualTo(1);
    }

    @Test
    void eventsHandedBackByStopAreCountedAsHandedBack() {
        EventLoop loop = EventLoop.builder().name("listener-handback").build();
        EventFuture<Integer> never = loop.addEvent(Tasks::addOne, 1);
        assertThat(loop.stop()).hasSize(1);
        assertThatThrownBy(never::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(EventLoopStoppedException.class);
        assertThat(loop.stats().completed(EventOutcome.HANDED_BACK)).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsChangesNothingForTheEventAndTheOthersStillHearOfIt() {
        Recording recording = new Recording();
        EventLoopListener broken = new EventLoopListener() {
            @Override
            public void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error,
                    long executionNanos) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (EventLoop loop = EventLoop.builder().name("listener-broken").backend(Backend.THREAD).listener(broken)
                .listener(recording).build().start()) {
            assertThat(loop.addEvent(Tasks::addOne, 41).join()).isEqualTo(42);
            assertThat(recording.outcomes).containsValue(EventOutcome.VALUE);
            assertThat(loop.stats().completed(EventOutcome.VALUE)).isEqualTo(1);
        }
    }

    @Test
    void fieldsAListenerCarriesReachTheWorkersMdcWhileTheEventRunsAndAreGoneAfterIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String spanId = "00f067aa0ba902b7";
        EventLoopListener tracing = new EventLoopListener() {
            @Override
            public void accepted(ObservedEvent event) {
                if ("traced".equals(event.event().key())) {
                    event.carry("traceparent", "00-" + traceId + "-" + spanId + "-01");
                }
            }
        };
        try (EventLoop loop = EventLoop.builder().name("listener-carry").listener(tracing).build().start()) {
            assertThat(loop.addEvent(Event.of(TraceTasks::traceIds).key("traced")).join())
                    .isEqualTo(traceId + "/" + spanId);
            assertThat(loop.addEvent(TraceTasks::traceIds).join()).isEqualTo("null/null");
        }
    }

    @Test
    void aListenerAddedToARunningLoopHearsOfEventsFromThenOnAndNoMoreOnceRemoved() {
        Recording recording = new Recording();
        try (EventLoop loop = EventLoop.builder().name("listener-added").backend(Backend.THREAD).build().start()) {
            loop.addEvent(Tasks::addOne, 1).join();
            loop.addListener(recording);
            loop.addEvent(Tasks::addOne, 2).join();
            assertThat(loop.removeListener(recording)).isTrue();
            loop.addEvent(Tasks::addOne, 3).join();
            assertThat(recording.outcomes).hasSize(1);
            assertThat(loop.stats().completed(EventOutcome.VALUE)).isEqualTo(3);
            assertThat(loop.configuredWorkers()).isEqualTo(1);
        }
    }

    /** Records what it hears. */
    static final class Recording implements EventLoopListener {

        final Map<Long, ObservedEvent> accepted = new ConcurrentHashMap<>();
        final Map<Long, EventOutcome> outcomes = new ConcurrentHashMap<>();
        final Map<RejectionReason, AtomicLong> rejected = new ConcurrentHashMap<>();
        final Map<Long, Long> dispatchedWithWait = new ConcurrentHashMap<>();
        final AtomicLong items = new AtomicLong();
        final AtomicLong executed = new AtomicLong();

        @Override
        public void accepted(ObservedEvent event) {
            accepted.put(event.id(), event);
        }

        @Override
        public void rejected(ObservedEvent event, RejectionReason reason) {
            rejected.computeIfAbsent(reason, key -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void dispatched(ObservedEvent event) {
            dispatchedWithWait.put(event.id(), event.queueWaitNanos());
        }

        @Override
        public void item(ObservedEvent event, long index) {
            items.incrementAndGet();
        }

        @Override
        public void completed(ObservedEvent event, EventOutcome outcome, @Nullable Throwable error,
                long executionNanos) {
            if (outcomes.putIfAbsent(event.id(), outcome) != null) {
                throw new AssertionError("event " + event.id() + " completed twice");
            }
            if (executionNanos > 0 && event.workerId() > 0) {
                executed.incrementAndGet();
            }
        }
    }
}
