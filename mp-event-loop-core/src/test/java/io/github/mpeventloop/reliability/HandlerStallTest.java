package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultConsumer;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.Tasks;

/** A handler that blocks is reported, and everything is delivered once it is released. */
class HandlerStallTest {

    @Test
    void aBlockedHandlerIsReportedOnceAndNothingIsLost() throws InterruptedException {
        Logger log = (Logger) LoggerFactory.getLogger(ResultConsumer.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (ResultConsumer consumer = new ResultConsumer("stalling", null, Duration.ofMillis(200));
                EventLoop loop = EventLoop.builder().name("stalling").backend(Backend.THREAD).consumer(consumer)
                        .outputHandlers(ResultHandler.of(result -> {
                            awaitQuietly(release);
                            seen.add(result.value());
                        })).build().start()) {
            for (int i = 0; i < 5; i++) {
                loop.addEvent(Tasks::addOne, i);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(warnings.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(message -> message.contains("consumer stalling have been busy with one result")));
            assertThat(consumer.busyFor()).isPositive();
            release.countDown();
            loop.awaitIdle();
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.busyFor().isZero());
        } finally {
            log.detachAppender(warnings);
        }
        assertThat(seen).containsExactly(1, 2, 3, 4, 5);
        assertThat(warnings.list).filteredOn(event -> event.getFormattedMessage().contains("busy with one result"))
                .hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
