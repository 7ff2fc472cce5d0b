package io.github.mpeventloop.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import io.github.mpeventloop.internal.process.ProcessStatus;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Work;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application with real worker processes: events, handlers, meters, health and shutdown. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "mp.event-loop.name=app", "mp.event-loop.workers=1", "mp.event-loop.worker.max-in-flight=1",
                "mp.event-loop.worker.max-heap=64MB", "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventLoopApplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private EventLoop loop;

    @Autowired
    private TestApplication.Journal journal;

    @Autowired
    private MeterRegistry registry;

    @LocalServerPort
    private int port;

    @Test
    @Order(1)
    void theInjectedLoopRunsEventsInAWorkerProcess() throws Exception {
        assertThat(this.loop.isRunning()).isTrue();
        long workerPid = this.loop.addEvent(Work::pid).get(30, TimeUnit.SECONDS);
        assertThat(workerPid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(this.loop.workers()).extracting(WorkerInfo::pid).containsExactly(workerPid);
        assertThat(this.loop.addEvent(Work::square, 12).get(30, TimeUnit.SECONDS)).isEqualTo(144);
    }

    @Test
    @Order(2)
    void twoOutputHandlersAreCalledInTheirOrderForEveryResult() {
        this.journal.entries().clear();
        this.loop.addEvent(Event.of(Work::square, 2).key("a"));
        this.loop.addEvent(Event.of(Work::square, 3).key("b"));
        await().atMost(WAIT).until(() -> this.journal.entries().size() == 4);
        assertThat(this.journal.entries()).containsExactly("first:a=4", "second:a=4", "first:b=9", "second:b=9");
    }

    @Test
    @Order(3)
    void queueDepthRisesWhileTheWorkerIsBusyAndFallsWhenItIsFree() throws Exception {
        double completedBefore = completed();
        List<EventFuture<Integer>> queued = new ArrayList<>();
        EventFuture<String> blocker;
        try (Gate gate = new Gate()) {
            blocker = this.loop.addEvent(Work::awaitSignal, gate.port());
            await().atMost(WAIT).until(() -> gauge("mp.event.loop.active") == 1);
            for (int i = 1; i <= 5; i++) {
                queued.add(this.loop.addEvent(Work::square, i));
            }
            // One worker taking one event at a time: the five wait, but for the one the dispatcher holds.
            await().atMost(WAIT).until(() -> gauge("mp.event.loop.queued") >= 4);
            assertThat(this.loop.queueDepth()).isGreaterThanOrEqualTo(4);
            gate.open();
        }
        assertThat(blocker.get(30, TimeUnit.SECONDS)).isEqualTo("signalled 1");
        await().atMost(WAIT).until(() -> gauge("mp.event.loop.queued") == 0 && gauge("mp.event.loop.active") == 0);
        assertThat(queued).allSatisfy(future -> assertThat(future).succeedsWithin(WAIT));
        await().atMost(WAIT).until(() -> completed() - completedBefore == 6);
        assertThat(this.registry.get("mp.event.loop.latency").tag("name", "app").tag("outcome", "VALUE").timer()
            .count()).isPositive();
    }

    @Test
    @Order(4)
    void actuatorHealthShowsTheLoopAndItsWorkers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode loopHealth = JsonMapper.builder().build().readTree(response.body()).path("components").path("mpEventLoop");
        assertThat(loopHealth.path("status").asString()).isEqualTo("UP");
        JsonNode details = loopHealth.path("details");
        assertThat(details.path("name").asString()).isEqualTo("app");
        assertThat(details.path("queueDepth").asInt()).isZero();
        assertThat(details.path("inFlight").isNumber()).isTrue();
        assertThat(details.path("liveWorkers").asInt()).isEqualTo(1);
        JsonNode worker = details.path("workers").path(String.valueOf(this.loop.workers().get(0).id()));
        assertThat(worker.path("pid").asLong()).isEqualTo(this.loop.workers().get(0).pid());
        assertThat(worker.path("state").asString()).isEqualTo("READY");
        assertThat(worker.path("uptime").asString()).startsWith("PT");
        assertThat(worker.path("eventsDone").asLong()).isPositive();
    }

    @Test
    @Order(5)
    void closingTheContextLeavesNoWorkerProcessAlive() throws Exception {
        // A context of its own: the test framework's cached context cannot be closed from a test.
        ConfigurableApplicationContext application = new SpringApplicationBuilder(TestApplication.class)
            .properties("server.port=0", "mp.event-loop.name=closing", "mp.event-loop.workers=2")
            .run();
        EventLoop closing = application.getBean(EventLoop.class);
        assertThat(closing.addEvent(Work::square, 4).get(30, TimeUnit.SECONDS)).isEqualTo(16);
        List<Long> pids = closing.workers().stream().map(WorkerInfo::pid).toList();
        assertThat(pids).hasSize(2).allSatisfy(pid -> assertThat(ProcessStatus.isRunning(pid)).isTrue());

        application.close();

        assertThat(closing.isRunning()).isFalse();
        await().atMost(WAIT).untilAsserted(
                () -> assertThat(pids).allSatisfy(pid -> assertThat(ProcessStatus.isRunning(pid)).as("pid %d", pid).isFalse()));
    }

    private double gauge(String name) {
        return this.registry.get(name).tag("name", "app").gauge().value();
    }

    private double completed() {
        return this.registry.get("mp.event.loop.completed").tag("name", "app").tag("outcome", "VALUE").functionCounter()
            .count();
    }

}
