package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.internal.wire.WorkerFrameDecoder;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.worker.WorkerMain;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker side of liveness and cancellation, on a real worker JVM, with frames written by hand
 * through the parent's {@link ParentFrames}: a {@code ping} is answered while the event thread is
 * busy, a {@code cancel} drops a queued plain call or interrupts a running one and is answered
 * {@code cancelled}, and terminal interrupts do not end a worker while SIGTERM does.
 */
class WorkerControlTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final JavaType OBJECT = MAPPER.constructType(Object.class);

    private final WorkerFrameDecoder decoder = new WorkerFrameDecoder(MAPPER);
    private String lastFrame = "";

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
        Handshake.welcome(reader, writer, MAPPER, secret, new ParentFrame.Welcome(1, 1 << 20, 0));
    }

    @AfterEach
    void stopWorker() {
        worker.closeChannel();
        worker.awaitExit(Duration.ofSeconds(5));
        launcher.close();
    }

    private void call(long id, String method, String descriptor, String valuesJson) {
        writer.append(MAPPER.tokenStreamFactory(), ParentFrame.Kind.CALL.wireName(), out -> {
            ParentFrames.callHeader(out, id, true, ParentFrame.CallMode.PLAIN, 0, null, ParentFrame.CallForm.TARGET);
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

    /** The worker's next frame, its values read as plain JSON data; {@link #lastFrame} keeps its text. */
    private WorkerFrame next() throws IOException {
        FrameReader.Frame frame = reader.next();
        lastFrame = new String(frame.array(), frame.offset(), frame.length(), StandardCharsets.UTF_8);
        return decoder.decode(frame, id -> OBJECT);
    }

    private <T extends WorkerFrame> T next(Class<T> kind) throws IOException {
        WorkerFrame frame = next();
        assertThat(frame).isInstanceOf(kind);
        return kind.cast(frame);
    }

    @Test
    void aPingIsAnsweredWhileTheEventThreadIsBusy() throws IOException {
        call(1, "spin", "(J)Ljava/lang/String;", "[600000]");
        flush();
        ParentFrames.ping(writer, 7);
        flush();
        assertThat(next()).isEqualTo(new WorkerFrame.Pong(7));

        ParentFrames.ping(writer, 8);
        flush();
        assertThat(next()).isEqualTo(new WorkerFrame.Pong(8));
    }

    @Test
    void cancelWithInterruptStopsARunningPlainCallAndTheWorkerGoesOn() throws IOException {
        sleepCall(1, 600_000);
        flush();
        ParentFrames.ping(writer, 1);
        flush();
        assertThat(next()).isInstanceOf(WorkerFrame.Pong.class);

        ParentFrames.cancel(writer, 1, true);
        flush();
        assertThat(next(WorkerFrame.Cancelled.class).id()).isEqualTo(1);

        call(2, "interruptedFlag", "()Z", "[]");
        sleepCall(3, 1);
        flush();
        WorkerFrame.Result flag = next(WorkerFrame.Result.class);
        assertThat(flag.id()).isEqualTo(2);
        assertThat(flag.value()).as("the interrupt stays with the cancelled call").isEqualTo(false);
        assertThat(next(WorkerFrame.Result.class).value()).isEqualTo("slept");
    }

    @Test
    void aQueuedPlainCallThatIsCancelledNeverRuns() throws IOException {
        sleepCall(1, 600_000);
        call(2, "count", "()I", "[]");
        flush();
        ParentFrames.cancel(writer, 2, false);
        ParentFrames.cancel(writer, 1, true);
        flush();
        WorkerFrame.Cancelled first = next(WorkerFrame.Cancelled.class);
        WorkerFrame.Cancelled second = next(WorkerFrame.Cancelled.class);
        assertThat(List.of(first.id(), second.id())).containsExactly(1L, 2L);

        call(3, "counted", "()I", "[]");
        flush();
        assertThat(next(WorkerFrame.Result.class).value()).isEqualTo(0);
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
        WorkerFrame.Cancelled answer = next(WorkerFrame.Cancelled.class);
        assertThat(answer.nanos()).as("it ran to its end").isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(lastFrame).doesNotContain("\"value\"");

        call(2, "count", "()I", "[]");
        flush();
        assertThat(next(WorkerFrame.Result.class).value()).isEqualTo(1);
    }

    @Test
    void aCancelForAnIdTheWorkerDoesNotHoldIsIgnored() throws IOException {
        ParentFrames.cancel(writer, 99, true);
        call(1, "count", "()I", "[]");
        flush();
        assertThat(next(WorkerFrame.Result.class).value()).isEqualTo(1);
    }

    @Test
    void sigintDoesNotEndAWorkerButSigtermDoes() throws Exception {
        ProcessHandle process = ProcessHandle.of(worker.pid()).orElseThrow();
        signal("INT", worker.pid());
        sleepCall(1, 1);
        flush();
        assertThat(next(WorkerFrame.Result.class).value()).isEqualTo("slept");
        ParentFrames.ping(writer, 3);
        flush();
        assertThat(next()).isEqualTo(new WorkerFrame.Pong(3));
        assertThat(process.isAlive()).isTrue();

        signal("TERM", worker.pid());
        await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
