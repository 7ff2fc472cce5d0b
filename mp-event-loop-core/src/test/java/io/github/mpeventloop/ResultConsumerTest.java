package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer's hand-off: every delivery posted runs once, on the consumer's thread, in the order
 * each poster posted it, whether the consumer was busy, asleep or polling for a lone result when it
 * came; and a consumer that polls goes to sleep when nothing comes.
 */
class ResultConsumerTest {

    @Test
    void everyDeliveryFromSeveralPostersRunsOnceInEachPostersOrderOnTheConsumersThread() throws Exception {
        int posters = 4;
        int each = 5_000;
        List<List<Integer>> seen = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            seen.add(new ArrayList<>());
        }
        AtomicInteger foreignThread = new AtomicInteger();
        ResultConsumer consumer = new ResultConsumer("test-order");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            int poster = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    int value = i;
                    consumer.post(() -> {
                        if (!consumer.isConsumerThread()) {
                            foreignThread.incrementAndGet();
                        }
                        seen.get(poster).add(value);
                    });
                    if (i % 1_000 == 0) {
                        Thread.yield();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        consumer.close();
        for (List<Integer> values : seen) {
            assertThat(values).hasSize(each);
            for (int i = 0; i < each; i++) {
                assertThat(values.get(i)).isEqualTo(i);
            }
        }
        assertThat(foreignThread).hasValue(0);
    }

    @Test
    void closeDeliversWhatWasPostedBeforeIt() {
        ResultConsumer consumer = new ResultConsumer("test-close");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int value = i;
            consumer.post(() -> seen.add(value));
        }
        consumer.close();
        assertThat(seen).hasSize(1_000).isSorted();
    }

    /** Posted alone, a result may find the consumer polling for it; otherwise asleep. */
    @ParameterizedTest(name = "posted as the only event outstanding: {0}")
    @ValueSource(booleans = {false, true})
    void deliveriesOneAtATimeReachTheConsumerOnItsThreadInOrder(boolean alone) throws InterruptedException {
        ResultConsumer consumer = new ResultConsumer("test-one-at-a-time");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger foreignThread = new AtomicInteger();
        for (int i = 0; i < 2_000; i++) {
            int value = i;
            CountDownLatch delivered = new CountDownLatch(1);
            consumer.post(() -> {
                if (!consumer.isConsumerThread()) {
                    foreignThread.incrementAndGet();
                }
                seen.add(value);
                delivered.countDown();
            }, alone);
            assertThat(delivered.await(10, TimeUnit.SECONDS)).as("delivery %d", value).isTrue();
        }
        consumer.close();
        assertThat(seen).hasSize(2_000).isSorted();
        assertThat(foreignThread).hasValue(0);
    }

    @Test
    void aConsumerThatPollsForLoneResultsParksWhenNoneComes() throws InterruptedException {
        ResultConsumer consumer = new ResultConsumer("test-poll-ends");
        AtomicReference<Thread> consumerThread = new AtomicReference<>();
        for (int i = 0; i < 100; i++) {
            CountDownLatch delivered = new CountDownLatch(1);
            consumer.post(() -> {
                consumerThread.set(Thread.currentThread());
                delivered.countDown();
            }, true);
            assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(consumerThread.get().getState()).isEqualTo(Thread.State.WAITING));
        CountDownLatch afterSleep = new CountDownLatch(1);
        consumer.post(afterSleep::countDown, true);
        assertThat(afterSleep.await(10, TimeUnit.SECONDS)).as("a lone result wakes the consumer that parked").isTrue();
        consumer.close();
    }
}
