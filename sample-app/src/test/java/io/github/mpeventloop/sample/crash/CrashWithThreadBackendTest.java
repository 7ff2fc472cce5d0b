package io.github.mpeventloop.sample.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.sample.SampleApplication;

/** With the thread backend the workers are this JVM: the crash button is refused instead of halting the application. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "mp.event-loop.backend=thread", "mp.event-loop.workers=1" })
class CrashWithThreadBackendTest {

    @LocalServerPort
    private int port;

    @Autowired
    private EventLoop loop;

    @Test
    void theCrashIsRefusedWhenTheWorkersRunInThisJvm() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/crash"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(this.loop.workers()).singleElement()
            .satisfies(worker -> assertThat(worker.pid()).isEqualTo(ProcessHandle.current().pid()));
        assertThat(this.loop.isDown()).isFalse();
    }
}
