package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.ProtocolException;
import io.github.mpeventloop.internal.wire.RemoteError;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.internal.wire.WorkerFrameDecoder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker runs only what a frame names through the target rules, and answers anything else with
 * an error for that event alone: frames are written by hand here, as a hostile or broken parent
 * would write them.
 */
class WorkerRefusalTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final String SECRET = "s3cret";

    private PipedWorker worker;
    private FrameReader reader;
    private FrameWriter writer;

    @BeforeEach
    void startWorker() throws IOException {
        worker = PipedWorker.start(SECRET, (in, out) -> new WorkerLoop(in, out, getClass().getClassLoader()));
        reader = worker.reader;
        writer = worker.writer;
        Handshake.welcome(reader, writer, MAPPER, SECRET, new ParentFrame.Welcome(1, 1 << 20, 0));
    }

    @AfterEach
    void stopWorker() throws Exception {
        worker.close();
    }

    private WorkerFrame call(long id, Consumer<JsonGenerator> body) throws IOException {
        return call(id, ParentFrame.CallForm.TARGET, body);
    }

    /** Sends a hand-written call and reads its answer, values read as plain JSON data. */
    private WorkerFrame call(long id, ParentFrame.CallForm form, Consumer<JsonGenerator> body) throws IOException {
        writer.append(MAPPER.tokenStreamFactory(), ParentFrame.Kind.CALL.wireName(), out -> {
            ParentFrames.callHeader(out, id, true, ParentFrame.CallMode.PLAIN, 0, null, form);
            body.accept(out);
        });
        writer.flush();
        return new WorkerFrameDecoder(MAPPER).decode(reader.next(), answered -> MAPPER.constructType(Object.class));
    }

    private static RemoteError error(WorkerFrame answer) {
        assertThat(answer).isInstanceOf(WorkerFrame.Failure.class);
        return ((WorkerFrame.Failure) answer).error();
    }

    private static @Nullable Object value(WorkerFrame answer) {
        assertThat(answer).isInstanceOf(WorkerFrame.Result.class);
        return ((WorkerFrame.Result) answer).value();
    }

    private static Consumer<JsonGenerator> target(String kind, String type, String method, String descriptor,
            String valuesJson) {
        return out -> {
            out.writeObjectPropertyStart("target");
            out.writeStringProperty("kind", kind);
            out.writeStringProperty("class", type);
            out.writeStringProperty("method", method);
            out.writeStringProperty("descriptor", descriptor);
            out.writeEndObject();
            out.writeName("values");
            out.writeRawValue(valuesJson);
        };
    }

    @Test
    void aPlatformMethodIsRefusedAndNothingRuns() throws IOException {
        WorkerFrame answer = call(1, target("static", "java.lang.System", "exit", "(I)V", "[3]"));
        assertThat(error(answer).className()).isEqualTo("io.github.mpeventloop.TargetNotAllowedException");

        WorkerFrame next = call(2, target("static", Targets.class.getName(), "twice", "(I)I", "[21]"));
        assertThat(value(next)).isEqualTo(42);
    }

    @Test
    void anUnknownClassOrMethodIsAnErrorForThatEventOnly() throws IOException {
        WorkerFrame noClass = call(1, target("static", "com.example.Missing", "run", "()V", "[]"));
        assertThat(error(noClass).message()).contains("no class com.example.Missing");
        WorkerFrame noMethod = call(2, target("static", Targets.class.getName(), "thrice", "(I)I", "[1]"));
        assertThat(error(noMethod).className())
                .isEqualTo("io.github.mpeventloop.internal.call.TargetNotFoundException");
        assertThat(value(call(3, target("static", Targets.class.getName(), "twice", "(I)I", "[2]")))).isEqualTo(4);
    }

    @Test
    void anEventClassThatIsNoEventIsRefused() throws IOException {
        WorkerFrame answer = call(1, ParentFrame.CallForm.EVENT, out -> {
            out.writeStringProperty("event", "java.lang.Thread");
            out.writeObjectPropertyStart("fields");
            out.writeEndObject();
        });
        assertThat(error(answer).message()).contains("is not a subclass of");
    }

    @Test
    void aTypeNameInsideAValueInstantiatesNothing() throws IOException {
        Targets.built = 0;
        WorkerFrame answer = call(1, target("static", Targets.class.getName(), "describe", "(Ljava/lang/Object;)Ljava/lang/String;",
                "[{\"@class\":\"" + Targets.Gadget.class.getName() + "\",\"x\":1}]"));
        assertThat((String) value(answer)).startsWith("{@class=");
        assertThat(Targets.built).isZero();
    }

    @Test
    void aValueOfTheWrongShapeIsAnErrorNamingTheValue() throws IOException {
        WorkerFrame answer = call(1, target("static", Targets.class.getName(), "twice", "(I)I", "[\"many\"]"));
        assertThat(error(answer).message()).contains("value 0 of").contains("cannot be read as int");
    }

    @Test
    void aWrongSecretIsRefusedBeforeAnyEvent() throws Exception {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        FrameWriter peer = new FrameWriter(in.sink(), 1 << 20);
        FrameReader parentSide = new FrameReader(in.source(), 1 << 20, () -> { });
        Thread intruder = new Thread(() -> {
            try {
                Handshake.hello(new FrameReader(out.source(), 1 << 20, () -> { }), peer, WireCodec.of(MAPPER), "guessed");
            } catch (IOException e) {
                // refused, as expected
            }
        });
        intruder.start();
        assertThatThrownBy(() -> Handshake.welcome(parentSide, new FrameWriter(out.sink(), 1 << 20), MAPPER, SECRET,
                new ParentFrame.Welcome(9, 1 << 20, 0))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("did not present this worker's secret");
        out.sink().close();
        intruder.join(10_000);
    }

    /** Targets for hand-written frames. */
    public static final class Targets {
        static int built;

        public static int twice(int value) {
            return value * 2;
        }

        public static String describe(Object value) {
            return String.valueOf(value);
        }

        /** Would count its instances if a frame could make the worker build it. */
        public static final class Gadget {
            public int x;

            public Gadget() {
                built++;
            }
        }
    }
}
