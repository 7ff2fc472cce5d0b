package io.github.mpeventloop.sample.fractal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.sample.SampleApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fractal explorer's render path with the application's real worker processes: the pixels the
 * workers send back are the ones computed here, a render can be cancelled, and a worker that dies
 * in the middle of a render costs no tile.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FractalRenderingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long THIS_PID = ProcessHandle.current().pid();

    @Autowired
    private FractalRenderer renderer;

    @Autowired
    private EventLoop loop;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theTilesTheWorkersRenderAreThePixelsComputedInProcess() throws Exception {
        Viewport view = new Viewport(-0.7435, 0.1314, 0.02, 512, 512, 600, 1);
        Set<Long> workerPids = this.loop.workers().stream().map(WorkerInfo::pid).collect(Collectors.toSet());
        RecordingListener listener = new RecordingListener();

        this.renderer.start(view, listener);
        RenderSummary summary = listener.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(summary.outcome()).isEqualTo(RenderSummary.Outcome.FINISHED);
        assertThat(summary.rendered()).isEqualTo(64);
        assertThat(listener.failed).isEmpty();
        assertThat(listener.calls).first().isEqualTo("started");
        assertThat(listener.calls).last().isEqualTo("ended");
        Map<Integer, TileSpec> specs = TileGrid.split(view, 8, 8).stream()
            .collect(Collectors.toMap(TileSpec::index, Function.identity()));
        assertThat(listener.rendered).extracting(TileRendered::index).containsExactlyInAnyOrderElementsOf(specs.keySet());
        for (TileRendered tile : listener.rendered) {
            TileSpec spec = specs.get(tile.index());
            assertThat(tile).extracting(TileRendered::x, TileRendered::y, TileRendered::width, TileRendered::height)
                .containsExactly(spec.x(), spec.y(), spec.width(), spec.height());
            assertThat(tile.iterations()).as("pixels of tile %d", tile.index()).isEqualTo(Mandelbrot.iterations(spec));
            assertThat(tile.workerPid()).isNotEqualTo(THIS_PID).isIn(workerPids);
        }
        assertThat(listener.rendered).extracting(TileRendered::workerPid).as("both workers share the tiles")
            .containsAll(workerPids);
    }

    @Test
    void aCancelledRenderSendsNoFurtherTilesAndLeavesTheRestUnsent() throws Exception {
        // Heavy tiles, so that the render is still in its first tiles when it is cancelled.
        Viewport view = new Viewport(-0.5, 0, 3, 512, 512, 50_000, 1);
        RecordingListener listener = new RecordingListener();
        String id = this.renderer.start(view, listener);

        assertThat(this.renderer.cancel(id)).isTrue();
        assertThat(this.renderer.cancel(id)).as("a second cancel finds nothing").isFalse();

        RenderSummary summary = listener.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(summary.outcome()).isEqualTo(RenderSummary.Outcome.CANCELLED);
        assertThat(summary.notSent()).isEqualTo(64 - 8);
        assertThat(summary.discarded()).isEqualTo(8);
        assertThat(summary.rendered()).isZero();
        // The discarded tiles still finish in their workers; their results are dropped.
        await().atMost(WAIT).until(() -> this.loop.inFlight() == 0 && this.loop.queueDepth() == 0);
        assertThat(listener.calls).containsExactly("started", "ended");
        assertThat(this.renderer.running()).isZero();
    }

    @Test
    void aWorkerKilledDuringARenderIsReplacedAndEveryTileStillArrives() throws Exception {
        Viewport view = new Viewport(-0.5, 0, 3, 512, 512, 2000, 2);
        Set<Long> pidsBefore = this.loop.workers().stream().map(WorkerInfo::pid).collect(Collectors.toSet());
        long restartsBefore = this.loop.restarts();
        RecordingListener listener = new RecordingListener();

        // Armed before the render starts, so that the halt falls in one of its tiles however fast it runs.
        HttpResponse<String> crash = this.http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/crash"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode report = this.json.readTree(crash.body());
        assertThat(crash.statusCode()).as("crash report %s", report).isEqualTo(200);
        assertThat(report.path("workerPid").asLong()).as("crash report %s", report).isIn(pidsBefore);
        assertThat(report.path("message").asString()).contains("in the middle of the next tile it renders");

        this.renderer.start(view, listener);
        RenderSummary summary = listener.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(summary.outcome()).isEqualTo(RenderSummary.Outcome.FINISHED);
        assertThat(summary.rendered()).as("tiles the lost worker held ran again elsewhere").isEqualTo(64);
        assertThat(summary.failed()).isZero();
        // The worker halted inside a tile, which its second attempt rendered on another worker.
        assertThat(summary.retried()).isPositive();
        assertThat(listener.rendered).filteredOn(tile -> tile.attempts() > 1).hasSize(summary.retried())
            .allSatisfy(tile -> assertThat(tile.workerPid()).isNotEqualTo(report.path("workerPid").asLong()));

        await().atMost(WAIT).until(() -> this.loop.workers().size() == 2 && this.loop.restarts() == restartsBefore + 1);
        List<Long> pidsAfter = this.loop.workers().stream().map(WorkerInfo::pid).toList();
        assertThat(pidsAfter).as("one worker replaced by a new process").filteredOn(pid -> !pidsBefore.contains(pid))
            .hasSize(1);
    }

    @Test
    void theStatusEndpointShowsTheWorkersAndTheLoopsMeters() throws Exception {
        RecordingListener listener = new RecordingListener();
        this.renderer.start(new Viewport(-0.5, 0, 3, 512, 512, 100, 1), listener);
        listener.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = this.json.readTree(response.body());
        assertThat(status.path("name").asString()).isEqualTo("sample");
        assertThat(status.path("status").asString()).isEqualTo("UP");
        assertThat(status.path("workers").findValues("pid")).extracting(JsonNode::asLong)
            .containsExactlyInAnyOrderElementsOf(this.loop.workers().stream().map(WorkerInfo::pid).toList());
        assertThat(status.path("liveWorkers").asDouble()).isEqualTo(2);
        assertThat(status.path("queued").isNumber()).isTrue();
        assertThat(status.path("active").isNumber()).isTrue();
        assertThat(status.path("completed").path("VALUE").asDouble()).isGreaterThanOrEqualTo(64);
        assertThat(status.path("eventsPerSecond").isNumber()).isTrue();
    }
}
