package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.Counter;
import io.github.mpeventloop.fixtures.Probe;
import io.github.mpeventloop.fixtures.Tasks;

/** The three rules each owner keeps in one place (issue 18): retire once, place by objects held, release on a timer. */
class OwnerRulesTest {

    @Test
    void recyclingEveryHundredEventsOfAThousandLogsNoError() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            List<EventFuture<Integer>> futures = new ArrayList<>();
            long restarts;
            try (EventLoop loop = EventLoop.builder().name("recycle-quietly").recycleAfterEvents(100).build().start()) {
                for (int i = 0; i < 1000; i++) {
                    futures.add(loop.addEvent(Tasks::addOne, i));
                }
                loop.awaitIdle();
                restarts = loop.restarts();
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).join()).isEqualTo(i + 1);
            }
            assertThat(restarts).as("workers recycled").isGreaterThanOrEqualTo(9);
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void tenObjectsCachedAtOnceFromFourThreadsSpreadOverThreeWorkers() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("spread").workers(3).build().start();
                ExecutorServiceCloser threads = new ExecutorServiceCloser(Executors.newFixedThreadPool(4))) {
            List<Future<Counter>> cached = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                cached.add(threads.executor.submit(() -> loop.cacheObject(new Counter())));
            }
            List<Long> holders = new ArrayList<>();
            for (Future<Counter> counter : cached) {
                Counter object = counter.get();
                holders.add(loop.addEvent(Event.of(object::pid).cached()).join());
            }
            Collection<Long> perWorker = holders.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values();
            assertThat(perWorker).as("objects per worker").hasSize(3).allSatisfy(count -> assertThat(count).isBetween(3L, 4L));
        }
    }

    @Test
    void anObjectDroppedOnAnIdleLoopIsReleasedInItsWorkerWithoutAnotherEvent() {
        try (EventLoop loop = EventLoop.builder().name("release-idle").backend(Backend.THREAD).build().start()) {
            long before = Probe.decodedAlive();
            cacheAndTouch(loop);
            assertThat(Probe.decodedAlive()).as("the worker's copy").isEqualTo(before + 1);
            loop.awaitIdle();
            long submitted = loop.inFlight() + loop.queueDepth();
            // Nothing is submitted from here on: only the loop's own timer can send the release.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                System.gc();
                return Probe.decodedAlive() == before;
            });
            assertThat(submitted).isZero();
        }
    }

    private static void cacheAndTouch(EventLoop loop) {
        Probe probe = loop.cacheObject(new Probe());
        assertThat(loop.addEvent(Event.of(probe::touch).cached()).join()).isEqualTo(1);
    }

    /** Shuts an executor down at the end of a try block. */
    private record ExecutorServiceCloser(ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
