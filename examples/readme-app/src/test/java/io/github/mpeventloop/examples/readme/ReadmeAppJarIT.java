package io.github.mpeventloop.examples.readme;

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

/**
 * The README's application, packaged by {@code spring-boot:repackage} and started as
 * {@code java -jar}, as a newcomer would: it answers, its two workers are child JVMs, and they exit
 * when the application is stopped.
 */
class ReadmeAppJarIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process application;

    @Test
    void theJarAnswersFromItsWorkersAndTheyExitWhenItStops() throws Exception {
        Path jar = Path.of(System.getProperty("readme-app.jar")).toAbsolutePath();
        assertThat(jar).isRegularFile();
        int port = freePort();
        Path log = jar.resolveSibling("readme-app-jar-it.log");
        this.application = new ProcessBuilder(java(), "-jar", jar.toString(), "--server.port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

        await().atMost(WAIT).ignoreExceptions().until(() -> get(port, "/primes/100").statusCode() == 200);
        HttpResponse<String> answer = get(port, "/primes/1000");
        assertThat(answer.body()).isEqualTo("168");
        HttpResponse<String> refused = get(port, "/primes/-1");
        assertThat(refused.statusCode()).isEqualTo(500);

        List<ProcessHandle> workers = this.application.descendants().toList();
        assertThat(workers).as("the two worker JVMs of application.yml").hasSize(2)
            .allSatisfy(worker -> assertThat(worker.info().command()).hasValueSatisfying(
                    command -> assertThat(command).endsWith("java")));

        this.application.destroy(); // SIGTERM, as a service manager stops it
        assertThat(this.application.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(this.application.exitValue()).isIn(0, 143);
        await().atMost(WAIT).untilAsserted(() -> assertThat(workers).noneMatch(ProcessHandle::isAlive));
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).contains("168 primes, counted by worker", "Event primes failed",
                "limit must not be negative", "Event loop 'primes' stopped");
    }

    @AfterEach
    void stopApplication() {
        if (this.application != null && this.application.isAlive()) {
            this.application.descendants().forEach(ProcessHandle::destroyForcibly);
            this.application.destroyForcibly();
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
