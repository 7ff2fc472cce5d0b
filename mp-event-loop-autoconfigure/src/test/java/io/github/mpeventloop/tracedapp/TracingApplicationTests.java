package io.github.mpeventloop.tracedapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import brave.handler.MutableSpan;
import io.github.mpeventloop.spring.observation.EventLoopObservations;

/**
 * One HTTP request that submits an event to a real worker process, traced with Brave through
 * Micrometer Tracing: one trace, the event's span a child of the request's, its phases children of
 * the event's, and the worker's forwarded log line carrying the trace id. {@code @AutoConfigureTracing}
 * because Spring Boot's tests otherwise turn tracing export off, and propagation with it.
 */
@SpringBootTest(classes = TracedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "mp.event-loop.name=traced", "mp.event-loop.worker.max-heap=64MB",
                "mp.event-loop.worker.jvm-options=-Dlogback.configurationFile=worker-logback.xml",
                "management.tracing.sampling.probability=1.0" })
@AutoConfigureTracing
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TracingApplicationTests {

    @Autowired
    private TracedApplication.FinishedSpans finished;

    @LocalServerPort
    private int port;

    @Test
    void aRequestThatSubmitsAnEventMakesOneTraceWithTheEventsSpanUnderTheRequestsAndTheWorkersLogLineCarriesIt(
            CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + this.port + "/square?value=7")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("49");

        await().atMost(Duration.ofSeconds(30)).until(() -> request().isPresent() && span("mp-event-loop traced event")
            .isPresent() && span("mp-event-loop traced execution").isPresent());
        MutableSpan request = request().orElseThrow();
        MutableSpan event = span("mp-event-loop traced event").orElseThrow();
        MutableSpan queue = span("mp-event-loop traced queue").orElseThrow();
        MutableSpan execution = span("mp-event-loop traced execution").orElseThrow();

        List<MutableSpan> spans = this.finished.spans();
        assertThat(spans).extracting(MutableSpan::traceId).containsOnly(request.traceId());
        assertThat(event.parentId()).isEqualTo(request.id());
        assertThat(queue.parentId()).isEqualTo(event.id());
        assertThat(execution.parentId()).isEqualTo(event.id());
        assertThat(event.tag(EventLoopObservations.LOOP)).isEqualTo("traced");
        assertThat(event.tag(EventLoopObservations.OUTCOME)).isEqualTo("VALUE");

        await().atMost(Duration.ofSeconds(30)).until(() -> output.getAll().contains("squaring 7 in a worker"));
        String workerLine = output.getAll().lines().filter(line -> line.contains("squaring 7 in a worker"))
            .findFirst().orElseThrow();
        assertThat(workerLine).contains("[worker-").contains("trace=" + request.traceId())
            .contains("span=" + event.id());
    }

    private Optional<MutableSpan> request() {
        return this.finished.spans().stream().filter(span -> span.parentId() == null).findFirst();
    }

    private Optional<MutableSpan> span(String name) {
        return this.finished.spans().stream().filter(span -> name.equals(span.name())).findFirst();
    }
}
