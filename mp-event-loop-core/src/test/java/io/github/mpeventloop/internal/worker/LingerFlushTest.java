package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.wire.FrameWriter;

/**
 * The worker's clock: answers waiting when a task starts still go out about a millisecond later,
 * and once tasks stop starting the clock sleeps instead of ticking, until the next start wakes it.
 */
class LingerFlushTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final FrameWriter writer = new FrameWriter(Channels.newChannel(sent), 1 << 16);
    private final LingerFlush clock = new LingerFlush(writer);

    @AfterEach
    void stop() {
        clock.stop();
    }

    @Test
    void answersWaitingAtATaskStartAreFlushedWhileTheTaskRuns() {
        writer.append(new byte[] {1, 2, 3});
        clock.arm();

        await().atMost(Duration.ofSeconds(10)).until(() -> writer.buffered() == 0);
        assertThat(sent.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void withoutTaskStartsTheClockSleepsAndTheNextStartWakesIt() {
        clock.arm();
        await().atMost(Duration.ofSeconds(10)).until(clock::sleeps);

        writer.append(new byte[] {4, 5});
        clock.arm();

        await().atMost(Duration.ofSeconds(10)).until(() -> writer.buffered() == 0);
        assertThat(sent.toByteArray()).containsExactly(4, 5);
        await().atMost(Duration.ofSeconds(10)).until(clock::sleeps);
    }
}
