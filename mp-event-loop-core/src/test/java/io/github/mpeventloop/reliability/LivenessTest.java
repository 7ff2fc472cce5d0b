package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.fixtures.Blocking;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.internal.process.ProcessStatus;

/** A worker that stops answering is noticed, ended and replaced; close() stays bounded (issue 13). */
class LivenessTest {

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    @Test
    void aStoppedWorkerIsDeclaredUnresponsiveItsEventFailsAndSigcontChangesNothing() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("sigstop").livenessTimeout(Duration.ofSeconds(2)).build().start();
                Gate gate = new Gate()) {
            long pid = loop.addEvent(Blocking::pid).join();
            EventFuture<String> held = loop.addEvent(Blocking::awaitSignal, gate.port());
            gate.awaitCaller();
            signal("STOP", pid);
            long stopped = System.nanoTime();
            assertThatThrownBy(held::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(WorkerLostException.class).hasMessageContaining("unresponsive");
            Duration detected = Duration.ofNanos(System.nanoTime() - stopped);
            System.out.println("LIVENESS: a SIGSTOPped worker was declared unresponsive after " + detected.toMillis()
                    + " ms (liveness timeout 2000 ms)");
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessStatus.isDead(pid));
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).as("a replacement serves").isEqualTo(2);
            // The worker was killed while stopped; a late SIGCONT finds it gone or wakes a corpse: nothing changes.
            new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
            assertThat(loop.addEvent(Tasks::addOne, 2).join()).isEqualTo(3);
            assertThat(loop.restarts()).isEqualTo(1);
            assertThat(loop.workers()).hasSize(1).allSatisfy(worker -> assertThat(worker.pid()).isNotEqualTo(pid));
        }
    }

    @Test
    void closeReturnsWithinItsBoundWhenAnEventNeverEnds() throws Exception {
        EventLoop loop = EventLoop.builder().name("bounded-close").stopTimeout(Duration.ofSeconds(1)).build().start();
        try (Gate gate = new Gate()) {
            EventFuture<String> held = loop.addEvent(Blocking::awaitSignal, gate.port());
            EventFuture<Integer> queued = loop.addEvent(Tasks::addOne, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.inFlight() == 1);
            long started = System.nanoTime();
            loop.close();
            System.out.println("CLOSE: close() with an event that never ends returned after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (stop timeout 1000 ms)");
            assertThat(loop.isRunning()).isFalse();
            assertThat(held).isCompletedExceptionally();
            assertThat(queued).isCompletedExceptionally();
        }
    }
}
