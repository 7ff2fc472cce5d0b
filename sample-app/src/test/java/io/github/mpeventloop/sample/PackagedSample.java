package io.github.mpeventloop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repackaged sample jar run as {@code java -jar} by the integration tests: the command that
 * starts it from its own folder, its HTTP answers, and the end of what a test left running.
 */
final class PackagedSample {

    final Path jar = Path.of(System.getProperty("sample.jar")).toAbsolutePath();
    final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private Process application;

    PackagedSample() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /**
     * Starts the jar from its folder with a relative jar path, as a user would type it, after
     * {@code prefix} (a command such as {@code setsid}, or nothing), with the output in {@code log}.
     */
    Process start(Path log, List<String> prefix, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                this.jar.getFileName().toString(), "--server.port=" + this.port));
        command.addAll(List.of(arguments));
        this.application = new ProcessBuilder(command)
            .directory(this.jar.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        return this.application;
    }

    void awaitUp(Duration wait) {
        await().atMost(wait).ignoreExceptions().until(() -> "UP".equals(get("/actuator/health").path("status").asString()));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build());
        return this.json.readTree(response.body());
    }

    HttpResponse<String> post(String path, Duration timeout) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody())
            .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ends what a test left running: the application and its workers. */
    void destroy() {
        if (this.application != null && this.application.isAlive()) {
            this.application.descendants().forEach(ProcessHandle::destroyForcibly);
            this.application.destroyForcibly();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of %s: %s", request.uri(), response.body()).isEqualTo(200);
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }
}
