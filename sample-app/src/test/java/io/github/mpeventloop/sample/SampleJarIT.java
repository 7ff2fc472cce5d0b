package io.github.mpeventloop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The repackaged sample jar, started as {@code java -jar}: its workers run on the same jar through
 * Spring Boot's PropertiesLauncher, an event runs in one, and the application stops cleanly.
 */
class SampleJarIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private Process application;

    @Test
    void theExecutableJarRunsAnEventInAWorkerStartedFromTheSameJarAndStopsCleanly() throws Exception {
        Path jar = Path.of(System.getProperty("sample.jar")).toAbsolutePath();
        assertThat(jar).isRegularFile();
        int port = freePort();
        Path log = jar.resolveSibling("sample-jar-it.log");
        // Started from the jar's folder with a relative jar path, as a user would type it.
        this.application = new ProcessBuilder(java(), "-jar", jar.getFileName().toString(), "--server.port=" + port,
                "--mp.event-loop.workers=1", "--mp.event-loop.worker.max-heap=128MB")
            .directory(jar.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

        await().atMost(WAIT).ignoreExceptions().until(() -> "UP".equals(get(port, "/actuator/health").path("status").asString()));

        JsonNode report = get(port, "/primes?limit=100000");
        assertThat(report.path("count").asInt()).isEqualTo(9592);
        assertThat(report.path("largest").asInt()).isEqualTo(99991);
        long workerPid = report.path("workerPid").asLong();
        assertThat(workerPid).isPositive().isNotEqualTo(this.application.pid());

        List<String> commandLine = commandLine(workerPid);
        assertThat(commandLine).contains("-Dloader.main=io.github.mpeventloop.worker.WorkerMain",
                "org.springframework.boot.loader.launch.PropertiesLauncher", "-Xmx128m");
        assertThat(environment(workerPid)).contains("CLASSPATH=" + jar);

        JsonNode loopHealth = get(port, "/actuator/health").path("components").path("mpEventLoop");
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
        if (this.application != null && this.application.isAlive()) {
            this.application.descendants().forEach(ProcessHandle::destroyForcibly);
            this.application.destroyForcibly();
        }
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        return this.json.readTree(response.body());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> commandLine(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).split("\0"));
    }

    private static List<String> environment(long pid) throws IOException {
        return List.of(Files.readString(Path.of("/proc/" + pid + "/environ"), StandardCharsets.UTF_8).split("\0"));
    }

}
