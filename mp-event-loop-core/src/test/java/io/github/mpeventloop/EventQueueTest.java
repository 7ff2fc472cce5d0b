package io.github.mpeventloop;

import static io.github.mpeventloop.EngineFakes.handle;
import static io.github.mpeventloop.EngineFakes.pinned;
import static io.github.mpeventloop.EngineFakes.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The bounded queue's rules: capacity, the head, hand-back order. */
class EventQueueTest {

    private final AtomicInteger wakeUps = new AtomicInteger();
    private final EventQueue queue = new EventQueue(2, wakeUps::incrementAndGet);

    @Test
    void aFullQueueRefusesWithoutWaitingAndEveryAdditionWakesTheDispatcher() throws InterruptedException {
        assertThat(queue.offer(plain(1), 0)).isTrue();
        assertThat(queue.offer(plain(2), 0)).isTrue();
        assertThat(queue.offer(plain(3), 0)).as("full").isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void eventsPutBackGoToTheHeadEvenBeyondCapacity() throws InterruptedException {
        PendingEvent first = plain(1);
        queue.offer(first, 0);
        queue.offer(plain(2), 0);
        PendingEvent requeued = plain(0);
        queue.pushFront(requeued);
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.poll()).isSameAs(requeued);
        assertThat(queue.poll()).isSameAs(first);
    }

    @Test
    void aBatchStopsAtTheFirstEventOnACachedObject() throws InterruptedException {
        EventQueue roomy = new EventQueue(10, () -> { });
        PendingEvent a = plain(1);
        PendingEvent b = plain(2);
        PendingEvent onObject = pinned(3, handle(1));
        roomy.offer(a, 0);
        roomy.offer(b, 0);
        roomy.offer(onObject, 0);
        roomy.offer(plain(4), 0);
        List<PendingEvent> batch = new ArrayList<>();
        roomy.drainUnpinnedTo(batch, 10);
        assertThat(batch).containsExactly(a, b);
        assertThat(roomy.poll()).isSameAs(onObject);
    }

    @Test
    void oneEventCanBeTakenOutAndTheRestIsHandedBackInOrder() throws InterruptedException {
        PendingEvent a = plain(1);
        PendingEvent b = plain(2);
        queue.offer(a, 0);
        queue.offer(b, 0);
        assertThat(queue.remove(a)).isTrue();
        assertThat(queue.remove(a)).as("gone already").isFalse();
        assertThat(queue.offer(plain(3), 0)).as("room again").isTrue();
        assertThat(queue.removeAll()).extracting(event -> event.id).containsExactly(2L, 3L);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aWaitForRoomEndsOnInterruptWithTheFlagForTheCallerToKeep() throws InterruptedException {
        queue.offer(plain(1), 0);
        queue.offer(plain(2), 0);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> queue.offer(plain(3), Long.MAX_VALUE)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(queue.size()).isEqualTo(2);
    }
}
