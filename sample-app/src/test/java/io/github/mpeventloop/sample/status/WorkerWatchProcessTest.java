package io.github.mpeventloop.sample.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.sample.SampleApplication;

/**
 * The watch in the application, with real worker processes: a worker that halts under an event is
 * listed as lost with the loop's exit report, which the failed event carried, then as replaced.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerWatchProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private EventLoop loop;

    @Autowired
    private WorkerWatch watch;

    @Test
    void aWorkerThatDiesUnderAnEventIsLostWithTheLoopsExitReportThenReplaced() throws Exception {
        EventFuture<Long> halted = this.loop.addEvent(Event.of(Halt::now, 7).key("halt"));
        Throwable failure = halted.handle((value, error) -> error).get(60, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(WorkerLostException.class).hasMessageContaining("exited with code 7");
        int workerId = ((WorkerLostException) failure).workerId();

        await().atMost(WAIT).untilAsserted(() -> assertThat(this.watch.losses())
            .filteredOn(loss -> loss.id() == workerId).singleElement().satisfies(loss -> {
                assertThat(loss.report()).contains("exited with code 7");
                assertThat(loss.replacedBy()).isNotNull();
            }));
        assertThat(this.loop.addEvent(Halt::pid).get(60, TimeUnit.SECONDS)).isNotEqualTo(ProcessHandle.current().pid());
    }

    /** Targets that end their worker. */
    public static final class Halt {

        private Halt() {
        }

        public static long now(int status) {
            Runtime.getRuntime().halt(status);
            return status;
        }

        public static long pid() {
            return ProcessHandle.current().pid();
        }
    }
}
