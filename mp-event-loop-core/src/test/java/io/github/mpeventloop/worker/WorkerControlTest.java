package io.github.mpeventloop.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.internal.launch.ProcessWorkerLauncher;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker side of liveness and cancellation, on a real worker JVM, with frames written by hand
 * through the parent's {@link ParentFrames}: a {@code ping} is answered while the event thread is
 * busy, a {@code cancel} drops a queued plain call or interrupts a running one and is answered
 * {@code cancelled}, and terminal interrupts do not end a worker while SIGTERM does.
 */
class WorkerControlTest {

    private static final JsonMapper MAPPER = WireMapper.create();

    private ProcessWorkerLauncher launcher;
    private WorkerChannel worker;
    private FrameReader reader;
    private FrameWriter writer;

    @BeforeEach
    void startWorker() throws IOException {
        launcher = new ProcessWorkerLauncher(new LaunchSettings("control-test", LaunchSettings.currentJava(), List.of(),
                System.getProperty("java.class.path"), WorkerMain.class.getName(), Duration.ofSeconds(60), 1 << 20, 0,
                false));
        String secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        worker = launcher.launch(1, secret);
        reader = new FrameReader(worker.fromWorker(), 1 << 20, () -> { });
        writer = new FrameWriter(worker.toWorker(), 1 << 20);
        Handshake.welcome(reader, writer, MAPPER, secret, new Handshake.Welcome(1, 1 << 20, 0));
    }

    @AfterEach
    void stopWorker() {
        worker.closeChannel();
        worker.awaitExit(Duration.ofSeconds(5));
        launcher.close();
    }

    private void call(long id, String method, String descriptor, String valuesJson) {
        Frames.append(writer, MAPPER, Frames.CALL, out -> {
            out.writeNumberProperty("id", id);
            out.writeStringProperty("form", "target");
            out.writeObjectPropertyStart("target");
            out.writeStringProperty("kind", "static");
            out.writeStringProperty("class", ControlTargets.class.getName());
            out.writeStringProperty("method", method);
            out.writeStringProperty("descriptor", descriptor);
            out.writeEndObject();
            out.writeName("values");
            out.writeRawValue(valuesJson);
        });
    }

    private void sleepCall(long id, long millis) {
        call(id, "sleep", "(J)Ljava/lang/String;", "[" + millis + "]");
    }

    private void flush() throws IOException {
        writer.flush();
    }

    private JsonNode next() throws IOException {
        return Frames.parse(MAPPER, reader.next());
    }

    @Test
    void aPingIsAnsweredWhileTheEventThreadIsBusy() throws IOException {
        call(1, "spin", "(J)Ljava/lang/String;", "[600000]");
        flush();
        ParentFrames.ping(writer, 7);
        flush();
        JsonNode pong = next();
        assertThat(Frames.type(pong)).isEqualTo(Frames.PONG);
        assertThat(pong.path("seq").asLong()).isEqualTo(7);

        ParentFrames.ping(writer, 8);
        flush();
        assertThat(next().path("seq").asLong()).isEqualTo(8);
    }

    @Test
    void cancelWithInterruptStopsARunningPlainCallAndTheWorkerGoesOn() throws IOException {
        sleepCall(1, 600_000);
        flush();
        ParentFrames.ping(writer, 1);
        flush();
        assertThat(Frames.type(next())).isEqualTo(Frames.PONG);

        ParentFrames.cancel(writer, 1, true);
        flush();
        JsonNode cancelled = next();
        assertThat(Frames.type(cancelled)).isEqualTo(Frames.CANCELLED);
        assertThat(cancelled.path("id").asLong()).isEqualTo(1);

        call(2, "interruptedFlag", "()Z", "[]");
        sleepCall(3, 1);
        flush();
        JsonNode flag = next();
        assertThat(flag.path("id").asLong()).isEqualTo(2);
        assertThat(flag.path("value").asBoolean()).as("the interrupt stays with the cancelled call").isFalse();
        assertThat(next().path("value").asString()).isEqualTo("slept");
    }

    @Test
    void aQueuedPlainCallThatIsCancelledNeverRuns() throws IOException {
        sleepCall(1, 600_000);
        call(2, "count", "()I", "[]");
        flush();
        ParentFrames.cancel(writer, 2, false);
        ParentFrames.cancel(writer, 1, true);
        flush();
        JsonNode first = next();
        JsonNode second = next();
        assertThat(List.of(Frames.type(first), Frames.type(second))).containsOnly(Frames.CANCELLED);
        assertThat(List.of(first.path("id").asLong(), second.path("id").asLong())).containsExactly(1L, 2L);

        call(3, "counted", "()I", "[]");
        flush();
        assertThat(next().path("value").asInt()).isZero();
    }

    @Test
    void cancelWithoutInterruptLetsARunningCallFinishAndDropsItsValue(@TempDir Path directory) throws IOException {
        Path marker = directory.resolve("running");
        call(1, "markThenSleep", "(Ljava/lang/String;J)Ljava/lang/String;",
                MAPPER.writeValueAsString(List.of(marker.toString(), 2000)));
        flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(marker));
        ParentFrames.cancel(writer, 1, false);
        flush();
        JsonNode answer = next();
        assertThat(Frames.type(answer)).isEqualTo(Frames.CANCELLED);
        assertThat(answer.path("nanos").asLong()).as("it ran to its end").isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(answer.has("value")).isFalse();

        call(2, "count", "()I", "[]");
        flush();
        assertThat(next().path("value").asInt()).isEqualTo(1);
    }

    @Test
    void aCancelForAnIdTheWorkerDoesNotHoldIsIgnored() throws IOException {
        ParentFrames.cancel(writer, 99, true);
        call(1, "count", "()I", "[]");
        flush();
        JsonNode answer = next();
        assertThat(Frames.type(answer)).isEqualTo(Frames.RESULT);
        assertThat(answer.path("value").asInt()).isEqualTo(1);
    }

    @Test
    void sigintDoesNotEndAWorkerButSigtermDoes() throws Exception {
        ProcessHandle process = ProcessHandle.of(worker.pid()).orElseThrow();
        signal("INT", worker.pid());
        sleepCall(1, 1);
        flush();
        assertThat(next().path("value").asString()).isEqualTo("slept");
        ParentFrames.ping(writer, 3);
        flush();
        assertThat(next().path("seq").asLong()).isEqualTo(3);
        assertThat(process.isAlive()).isTrue();

        signal("TERM", worker.pid());
        await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
