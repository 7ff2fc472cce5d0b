package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.wire.FrameWriter;

/**
 * The worker's clock, on a time the test sets: answers of short tasks wait a millisecond for more,
 * the answer of a task that ran longer goes out as the next task starts, and once tasks stop
 * starting the clock sleeps instead of ticking.
 */
class LingerFlushTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final FrameWriter writer = new FrameWriter(Channels.newChannel(sent), 1 << 16);
    private final LingerFlush clock = new LingerFlush(writer, now::get);

    @AfterEach
    void stop() {
        clock.stop();
    }

    @Test
    void answersOfShortTasksWaitALingerForTheAnswersBehindThem() throws IOException {
        clock.arm();
        writer.append(new byte[] {1, 2});
        later(100);
        clock.arm();
        assertThat(sent.toByteArray()).as("sent as the second task starts").isEmpty();
        writer.append(new byte[] {3});

        later(1_200);
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.buffered() == 0);
        assertThat(sent.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void theAnswerOfATaskThatRanALingerGoesOutAsTheNextTaskStarts() throws IOException {
        clock.arm();
        later(20_000);
        writer.append(new byte[] {4, 5});
        clock.arm();

        assertThat(sent.toByteArray()).as("flushed by the task start itself").containsExactly(4, 5);
        assertThat(writer.buffered()).isZero();
    }

    @Test
    void withoutTaskStartsTheClockSleepsAndAStartAfterwardsFlushesWhatWaited() throws IOException {
        clock.arm();
        later(3_000);
        await().atMost(Duration.ofSeconds(10)).until(clock::sleeps);

        writer.append(new byte[] {6});
        clock.arm();

        assertThat(sent.toByteArray()).containsExactly(6);
        later(3_000);
        await().atMost(Duration.ofSeconds(10)).until(clock::sleeps);
    }

    private void later(long micros) {
        now.addAndGet(TimeUnit.MICROSECONDS.toNanos(micros));
    }
}
