package io.github.mpeventloop;

import static io.github.mpeventloop.EngineFakes.handle;
import static io.github.mpeventloop.EngineFakes.pinned;
import static io.github.mpeventloop.EngineFakes.plain;
import static io.github.mpeventloop.EngineFakes.session;
import static io.github.mpeventloop.EngineFakes.widenedSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The dispatcher's placement rules, on fake sessions: no worker, no thread but the test's. */
class DispatcherTest {

    private final EventQueue queue = new EventQueue(1000, () -> { });
    private final List<WorkerSession> sessions = new ArrayList<>();
    private final List<PendingEvent> failed = new ArrayList<>();
    private final List<PendingEvent> sent = new ArrayList<>();
    private final List<PendingEvent> cancelled = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(queue, new Dispatcher.Loop() {
        @Override
        public boolean dispatching() {
            return true;
        }

        @Override
        public List<WorkerSession> sessions() {
            return sessions;
        }

        @Override
        public void fail(PendingEvent event, RuntimeException error) {
            failed.add(event);
        }

        @Override
        public void cancelled(PendingEvent event) {
            cancelled.add(event);
        }

        @Override
        public @Nullable PendingEvent rebuild(ObjectHandle handle) {
            return null;
        }

        @Override
        public void releaseDropped() {
        }

        @Override
        public void dispatched(PendingEvent event) {
            sent.add(event);
        }
    }, new DispatchSignal());

    private void dispatchAll() {
        while (dispatcher.step()) {
            // each turn moves at least one event
        }
    }

    private void queue(PendingEvent... events) throws InterruptedException {
        for (PendingEvent event : events) {
            assertThat(queue.offer(event, 0)).isTrue();
        }
    }

    @Test
    void anEventGoesToTheWorkerWithRoomAndWaitsInTheQueueWhenNoneHasAny() throws InterruptedException {
        WorkerSession busy = session(1, 8);
        WorkerSession idle = session(2, 8);
        sessions.addAll(List.of(busy, idle));
        busy.send(plain(100));

        queue(plain(1), plain(2));
        dispatchAll();

        assertThat(idle.info().inFlight()).isEqualTo(1);
        assertThat(busy.info().inFlight()).isEqualTo(1);
        assertThat(queue.size()).as("the second event waits: both windows are full").isEqualTo(1);
        assertThat(sent).as("reported dispatched").extracting(event -> event.id).containsExactly(1L);
    }

    @Test
    void aQueuedEventGoesToAnIdleWorkerNotBehindTheEventOfABusyOneWithAWiderWindow() throws InterruptedException {
        WorkerSession busy = widenedSession(1, 512);
        WorkerSession idle = session(2, 8);
        sessions.addAll(List.of(busy, idle));
        busy.send(plain(100));

        queue(plain(1));
        dispatchAll();

        assertThat(idle.held()).as("the idle worker took it").isEqualTo(1);
        assertThat(busy.held()).as("the busy worker holds only its own event").isEqualTo(1);
    }

    @Test
    void aBurstQueuedAtOnceIsSharedByTheWorkersWithRoomNotLeftInTheFirstWindow() throws InterruptedException {
        List<WorkerSession> widened = IntStream.rangeClosed(1, 3).mapToObj(id -> widenedSession(id, 512)).toList();
        sessions.addAll(widened);
        widened.get(2).send(plain(100));
        widened.get(2).send(plain(101));

        queue(LongStream.rangeClosed(1, 40).mapToObj(EngineFakes::plain).toArray(PendingEvent[]::new));
        dispatchAll();

        assertThat(queue.size()).isZero();
        assertThat(widened).extracting(WorkerSession::held)
                .as("events held per worker, two of them held by the third before the burst")
                .containsExactly(14, 14, 14);
    }

    @Test
    void objectsCachedAtOnceSpreadByObjectsHeldNotByTheRoomOfTheMoment() throws InterruptedException {
        WorkerSession idle = session(1, 8);
        WorkerSession busy = session(2, 8);
        WorkerSession alsoBusy = session(3, 8);
        sessions.addAll(List.of(idle, busy, alsoBusy));
        busy.send(plain(100));
        alsoBusy.send(plain(101));

        for (int i = 1; i <= 10; i++) {
            queue(pinned(i, handle(i)));
        }
        dispatchAll();

        assertThat(List.of(idle.objectCount(), busy.objectCount(), alsoBusy.objectCount()))
                .as("objects held per worker").containsExactlyInAnyOrder(4, 3, 3);
        assertThat(failed).isEmpty();
    }

    @Test
    void anEventOnACachedObjectWaitsForItsBusyHolderWithoutHoldingBackOthers() throws InterruptedException {
        WorkerSession holder = session(1, 8);
        WorkerSession other = session(2, 8);
        sessions.addAll(List.of(holder, other));
        ObjectHandle object = handle(7);
        object.placeOn(holder);
        holder.send(plain(100));

        PendingEvent onObject = pinned(1, object);
        PendingEvent free = plain(2);
        queue(onObject, free);
        dispatchAll();

        assertThat(onObject.session).as("waits in its holder's backlog").isNull();
        assertThat(free.session).isSameAs(other);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void anEventOnObjectsHeldByTwoWorkersFailsAndNothingElse() throws InterruptedException {
        WorkerSession first = session(1, 8);
        WorkerSession second = session(2, 8);
        sessions.addAll(List.of(first, second));
        ObjectHandle a = handle(1);
        ObjectHandle b = handle(2);
        a.placeOn(first);
        b.placeOn(second);

        PendingEvent both = pinned(1, a, b);
        PendingEvent next = plain(2);
        queue(both, next);
        dispatchAll();

        assertThat(failed).containsExactly(both);
        assertThat(next.session).isNotNull();
    }

    @Test
    void aPlainEventCancelledBeforeItWasSentIsEndedAsCancelledAndNeverSent() throws InterruptedException {
        WorkerSession worker = session(1, 8);
        sessions.add(worker);
        PendingEvent dropped = plain(1);
        dropped.cancelRequested = true;
        PendingEvent next = plain(2);
        queue(dropped, next);
        dispatchAll();

        assertThat(cancelled).containsExactly(dropped);
        assertThat(dropped.session).isNull();
        assertThat(next.session).isSameAs(worker);
    }

    @Test
    void aLoneEventGoesStraightToAnIdleWorkerFromTheSubmittingThread() {
        WorkerSession busy = session(1, 8);
        WorkerSession idle = session(2, 8);
        sessions.addAll(List.of(busy, idle));
        busy.send(plain(100));

        PendingEvent lone = plain(1);
        assertThat(dispatcher.sendAtOnce(lone)).isTrue();

        assertThat(lone.session).as("sent to the worker that holds nothing").isSameAs(idle);
        assertThat(idle.buffered()).as("flushed at once").isZero();
        assertThat(sent).as("reported dispatched").containsExactly(lone);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void anEventIsQueuedInsteadWhenEveryWorkerHoldsAnEventOrEventsWaitAheadOfIt() throws InterruptedException {
        WorkerSession worker = session(1, 8);
        sessions.add(worker);
        worker.send(plain(100));
        PendingEvent behindBusyWorker = plain(1);
        assertThat(dispatcher.sendAtOnce(behindBusyWorker)).as("the only worker holds an event").isFalse();

        WorkerSession idle = session(2, 8);
        sessions.add(idle);
        queue(plain(2));
        PendingEvent behindQueue = plain(3);
        assertThat(dispatcher.sendAtOnce(behindQueue)).as("an event is queued ahead of it").isFalse();

        PendingEvent onObject = pinned(4, handle(9));
        queue.removeAll();
        assertThat(dispatcher.sendAtOnce(onObject)).as("events on cached objects go through the dispatcher").isFalse();
        assertThat(List.of(behindBusyWorker, behindQueue, onObject)).allMatch(event -> event.session == null);
        assertThat(sent).isEmpty();
    }

    @Test
    void aLoneEventCancelledBeforeItWasSentIsEndedAsCancelledAndNeverSent() {
        WorkerSession worker = session(1, 8);
        sessions.add(worker);
        PendingEvent dropped = plain(1);
        dropped.cancelRequested = true;

        assertThat(dispatcher.sendAtOnce(dropped)).isTrue();

        assertThat(cancelled).containsExactly(dropped);
        assertThat(dropped.session).isNull();
        assertThat(worker.info().inFlight()).isZero();
    }
}
