package io.github.mpeventloop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.process.ProcessStatus;
import tools.jackson.databind.JsonNode;

/**
 * The repackaged sample jar, started as {@code java -jar}: its workers run on the same jar through
 * Spring Boot's PropertiesLauncher, an event runs in one, and the application stops cleanly.
 */
class SampleJarIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private PackagedSample sample;
    private Process application;

    @Test
    void theExecutableJarRunsAnEventInAWorkerStartedFromTheSameJarAndStopsCleanly() throws Exception {
        this.sample = new PackagedSample();
        Path jar = this.sample.jar;
        assertThat(jar).isRegularFile();
        Path log = jar.resolveSibling("sample-jar-it.log");
        this.application = this.sample.start(log, List.of(), "--mp.event-loop.workers=1",
                "--mp.event-loop.worker.max-heap=128MB");

        this.sample.awaitUp(WAIT);

        JsonNode report = this.sample.get("/primes?limit=100000");
        assertThat(report.path("count").asInt()).isEqualTo(9592);
        assertThat(report.path("largest").asInt()).isEqualTo(99991);
        long workerPid = report.path("workerPid").asLong();
        assertThat(workerPid).isPositive().isNotEqualTo(this.application.pid());

        List<String> commandLine = commandLine(workerPid);
        assertThat(commandLine).contains("-Dloader.main=io.github.mpeventloop.worker.WorkerMain",
                "org.springframework.boot.loader.launch.PropertiesLauncher", "-Xmx128m");
        assertThat(environment(workerPid)).contains("CLASSPATH=" + jar);

        JsonNode loopHealth = this.sample.get("/actuator/health").path("components").path("mpEventLoop");
        assertThat(loopHealth.path("status").asString()).isEqualTo("UP");
        assertThat(loopHealth.path("details").path("workers").findValues("pid")).extracting(JsonNode::asLong)
            .containsExactly(workerPid);

        this.application.destroy(); // SIGTERM, as a service manager stops it
        assertThat(this.application.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(this.application.exitValue()).isIn(0, 143);
        await().atMost(WAIT).until(() -> !ProcessStatus.isRunning(workerPid));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("Event loop 'sample' started", "counted 9592 primes up to 100000",
                "Event loop 'sample' stopped");
        assertThat(output).doesNotContain(" ERROR ");
    }

    @AfterEach
    void stopApplication() {
        if (this.sample != null) {
            this.sample.destroy();
        }
    }

    private static List<String> commandLine(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).split("\0"));
    }

    private static List<String> environment(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/environ"), StandardCharsets.UTF_8).split("\0"));
    }

}
