package io.github.mpeventloop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.process.ProcessStatus;


/**
 * Stopping the packaged application with 1,000 short events queued (issue 13): SIGTERM to the
 * application, and SIGINT to its whole process group as a terminal's Ctrl-C sends it, drain the
 * backlog (every event completes as a value, nothing is logged at ERROR, no worker is replaced, no
 * worker is left); a drain shorter than the backlog hands the rest back, logged once, and fails
 * nothing that ran.
 */
class ShutdownJarIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern TALLY = Pattern.compile("Backlog: (\\d+) completed, (\\d+) failed");

    private PackagedSample sample;
    private Process application;

    @Test
    void sigtermDrainsAThousandQueuedEvents() throws Exception {
        Run run = start("sigterm", "15s");
        long signalled = System.nanoTime();
        this.application.destroy();
        String output = run.awaitExit();
        System.out.println("SHUTDOWN: SIGTERM drain of 1,000 events of 10 ms (2 workers) took "
                + Duration.ofNanos(System.nanoTime() - signalled).toMillis() + " ms to exit");
        assertDrained(output, run);
    }

    @Test
    void sigintToTheProcessGroupDrainsAThousandQueuedEvents() throws Exception {
        Run run = start("sigint", "15s");
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + this.application.pid()).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertDrained(run.awaitExit(), run);
    }

    @Test
    void aDrainShorterThanTheBacklogHandsTheRestBackAndFailsNothing() throws Exception {
        Run run = start("short-drain", "1s");
        this.application.destroy();
        String output = run.awaitExit();
        Matcher tally = TALLY.matcher(output);
        assertThat(tally.find()).as("the tally in the log").isTrue();
        assertThat(Integer.parseInt(tally.group(2))).as("failed").isZero();
        int completed = Integer.parseInt(tally.group(1));
        assertThat(completed).isLessThan(1000);
        assertThat(output).containsOnlyOnce("did not run and were failed");
        assertThat(output).contains((1000 - completed) + " event(s) did not run");
        assertThat(output).doesNotContain(" ERROR ");
        run.assertNoWorkerLeft();
    }

    private void assertDrained(String output, Run run) {
        assertThat(this.application.exitValue()).isIn(0, 130, 143);
        Matcher tally = TALLY.matcher(output);
        assertThat(tally.find()).as("the tally in the log:%n%s", output).isTrue();
        assertThat(tally.group(1)).as("completed").isEqualTo("1000");
        assertThat(tally.group(2)).as("failed").isEqualTo("0");
        assertThat(output).doesNotContain(" ERROR ", "did not run", "was lost", "replacement");
        run.assertNoWorkerLeft();
    }

    private Run start(String name, String drain) throws Exception {
        this.sample = new PackagedSample();
        Path log = this.sample.jar.resolveSibling("shutdown-" + name + ".log");
        // setsid: the application leads a process group of its own, as a shell's job does.
        this.application = this.sample.start(log, List.of("setsid"), "--mp.event-loop.workers=2",
                "--mp.event-loop.queue.capacity=2000", "--mp.event-loop.worker.max-in-flight=4",
                "--mp.event-loop.shutdown.drain-timeout=" + drain);
        this.sample.awaitUp(WAIT);
        List<Long> workers = new ArrayList<>();
        this.sample.get("/actuator/health").path("components").path("mpEventLoop").path("details").path("workers")
            .findValues("pid").forEach(pid -> workers.add(pid.asLong()));
        assertThat(workers).hasSize(2);
        HttpResponse<String> queued = this.sample.post("/backlog?events=1000&millis=10", Duration.ofSeconds(60));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
        return new Run(log, workers);
    }

    private final class Run {
        private final Path log;
        private final List<Long> workers;

        Run(Path log, List<Long> workers) {
            this.log = log;
            this.workers = workers;
        }

        String awaitExit() throws Exception {
            assertThat(ShutdownJarIT.this.application.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            return Files.readString(this.log, StandardCharsets.UTF_8);
        }

        void assertNoWorkerLeft() {
            await().atMost(Duration.ofSeconds(30))
                .until(() -> this.workers.stream().noneMatch(ProcessStatus::isRunning));
        }
    }

    @AfterEach
    void stopApplication() {
        if (this.sample != null) {
            this.sample.destroy();
        }
    }
}
