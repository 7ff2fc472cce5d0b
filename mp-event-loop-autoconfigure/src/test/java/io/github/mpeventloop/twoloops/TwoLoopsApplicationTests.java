package io.github.mpeventloop.twoloops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.fixtures.Work;
import io.github.mpeventloop.internal.process.ProcessStatus;
import io.github.mpeventloop.spring.EventLoopLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two {@code EventLoop} beans with real worker processes: both start and stop with the context,
 * both appear in health and in the meters (tag {@code name}), and each gets its own
 * {@code @OutputHandler} methods.
 */
class TwoLoopsApplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void bothLoopsStartAndStopWithTheContextAppearInHealthAndMetricsAndGetTheirOwnHandlers() throws Exception {
        ConfigurableApplicationContext application = new SpringApplicationBuilder(TwoLoopsApplication.class)
            .properties("server.port=0", "mp.event-loop.workers=1", "mp.event-loop.worker.max-heap=64MB",
                    "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always")
            .run();
        EventLoop main;
        EventLoop images;
        List<Long> pids;
        try {
            main = application.getBean("mainLoop", EventLoop.class);
            images = application.getBean("imagesLoop", EventLoop.class);
            assertThat(application.getBeansOfType(EventLoopLifecycle.class)).hasSize(2);
            assertThat(main.isRunning()).isTrue();
            assertThat(images.isRunning()).isTrue();

            assertThat(main.addEvent(Work::square, 3).get(30, TimeUnit.SECONDS)).isEqualTo(9);
            assertThat(images.addEvent(Work::square, 4).get(30, TimeUnit.SECONDS)).isEqualTo(16);
            TwoLoopsApplication.Handlers handlers = application.getBean(TwoLoopsApplication.Handlers.class);
            await().atMost(WAIT).until(() -> handlers.seen().size() == 3);
            assertThat(handlers.seen()).containsExactlyInAnyOrder("main:9", "images:16", "images-by-name:16");

            MeterRegistry registry = application.getBean(MeterRegistry.class);
            for (String name : List.of("main", "images")) {
                assertThat(registry.get("mp.event.loop.workers.configured").tag("name", name).gauge().value())
                    .isEqualTo(1);
                assertThat(registry.get("mp.event.loop.completed").tag("name", name).tag("outcome", "VALUE")
                    .functionCounter().count()).isEqualTo(1);
            }

            int port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode loops = JsonMapper.builder().build().readTree(response.body()).path("components")
                .path("mpEventLoop").path("components");
            assertThat(loops.path("mainLoop").path("status").asString()).isEqualTo("UP");
            assertThat(loops.path("mainLoop").path("details").path("name").asString()).isEqualTo("main");
            assertThat(loops.path("imagesLoop").path("status").asString()).isEqualTo("UP");
            assertThat(loops.path("imagesLoop").path("details").path("name").asString()).isEqualTo("images");

            pids = Map.of("main", main, "images", images).values().stream()
                .flatMap(loop -> loop.workers().stream()).map(WorkerInfo::pid).toList();
            assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessStatus.isRunning(pid)).isTrue());
        } finally {
            application.close();
        }

        assertThat(main.isRunning()).isFalse();
        assertThat(images.isRunning()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(pids)
            .allSatisfy(pid -> assertThat(ProcessStatus.isRunning(pid)).as("pid %d", pid).isFalse()));
    }
}
