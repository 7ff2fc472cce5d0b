package io.github.mpeventloop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.RemoteEventException;
import io.github.mpeventloop.spring.OutputHandler;

/** The recorder in an application with a real worker process and a handler that stops every result. */
@SpringBootTest(classes = RecordedResultsTests.Application.class,
        properties = { "mp.event-loop.workers=1", "mp.event-loop.worker.max-heap=64MB" })
@AutoConfigureRecordedResults
class RecordedResultsTests {

    @Autowired
    private EventLoop loop;

    @Autowired
    private RecordedResults results;

    @BeforeEach
    void forgetEarlierResults() {
        this.results.clear();
    }

    @Test
    void recordsEveryResultFirstEvenWhenAHandlerOfTheApplicationStopsPropagation() {
        assertThat(this.loop.outputHandlers()).first().isSameAs(this.results);

        this.loop.addEvent(Event.of(Targets::square, 3).key("square"));
        this.loop.addEvent(Event.of(Targets::fail, "boom").key("failing"));

        EventResult<?> square = this.results.awaitKey("square");
        assertThat(square.value()).isEqualTo(9);
        assertThat(square.workerId()).isPositive();
        assertThat(this.results.awaitKey("failing").error()).isInstanceOf(RemoteEventException.class)
            .hasMessageContaining("boom");
        assertThat(this.results.values(Integer.class)).containsExactly(9);
        assertThat(this.results.failures()).extracting(EventResult::eventKey).containsExactly("failing");
        assertThat(this.results.awaitCount(2)).extracting(EventResult::eventKey).containsExactly("square", "failing");
    }

    @Test
    void aWaitThatEndsWithoutTheResultFailsWithWhatWasRecorded() {
        this.loop.addEvent(Event.of(Targets::square, 2).key("two"));
        this.results.awaitKey("two");

        RecordedResults impatient = this.results.timeout(Duration.ofMillis(200));
        try {
            assertThatThrownBy(() -> impatient.awaitKey("never")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("No result with key 'never' within PT0.2S")
                .hasMessageContaining("recorded 1 result(s), keys [two]");
            assertThatThrownBy(() -> impatient.awaitCount(5)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Fewer than 5 results");
        } finally {
            this.results.timeout(Duration.ofSeconds(30));
        }
    }

    /** Targets the worker runs. */
    public static final class Targets {

        private Targets() {
        }

        public static int square(int value) {
            return value * value;
        }

        public static int fail(String message) {
            throw new IllegalStateException(message);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(StopEverything.class)
    static class Application {
    }

    /** A handler of the application that lets no result through to the handlers after it. */
    static class StopEverything {

        @OutputHandler
        @Order(1)
        boolean stop(EventResult<?> result) {
            return true;
        }
    }
}
