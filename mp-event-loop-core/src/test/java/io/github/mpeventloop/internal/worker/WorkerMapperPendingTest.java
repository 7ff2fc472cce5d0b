package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.ParentFrames;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WireMapper;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.internal.wire.WorkerFrameDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker whose mapper is still being made (as on its way to its first result) shakes hands and
 * answers calls of scalar values with its wire factory alone, and every other call once the mapper
 * is there; no call is lost in between. The mapper here is a future the test completes itself.
 */
class WorkerMapperPendingTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final String SECRET = "pending";

    private final CompletableFuture<JsonMapper> workerMapper = new CompletableFuture<>();
    private PipedWorker worker;
    private FrameReader reader;
    private FrameWriter writer;

    @BeforeEach
    void startWorker() throws IOException {
        WireCodec codec = WireCodec.pending(WireMapper.factory(WireLimits.DEFAULTS), workerMapper);
        worker = PipedWorker.start(SECRET,
                (in, out) -> new WorkerLoop(in, out, getClass().getClassLoader(), null, codec));
        reader = worker.reader;
        writer = worker.writer;
    }

    @AfterEach
    void stopWorker() throws Exception {
        workerMapper.complete(WireMapper.create());
        worker.close();
    }

    /** Times out, rather than hangs, if a scalar call or the handshake waits for the mapper. */
    @Test
    @Timeout(30)
    void scalarCallsAreAnsweredBeforeTheMapperIsMadeAndTheOthersOnceItIs() throws IOException {
        WorkerFrame.Hello hello = Handshake.welcome(reader, writer, MAPPER, SECRET,
                new ParentFrame.Welcome(1, 1 << 20, 0));
        assertThat(hello.secret()).isEqualTo(SECRET);

        send(1, "twice", "(I)I", "[21]");
        send(2, "twice", "(I)I", "[-4]");
        assertThat(valueOf(1)).isEqualTo(42);
        assertThat(valueOf(2)).isEqualTo(-8);
        assertThat(workerMapper).isNotDone();

        send(3, "describe", "(Ljava/lang/Object;)Ljava/lang/String;", "[[1,2]]");
        send(4, "twice", "(I)I", "[5]");
        workerMapper.complete(WireMapper.create());
        assertThat(valueOf(3)).isEqualTo("[1, 2]");
        assertThat(valueOf(4)).isEqualTo(10);
    }

    private void send(long id, String method, String descriptor, String valuesJson) throws IOException {
        writer.append(MAPPER.tokenStreamFactory(), ParentFrame.Kind.CALL.wireName(), out -> {
            ParentFrames.callHeader(out, id, true, ParentFrame.CallMode.PLAIN, 0, null, ParentFrame.CallForm.TARGET);
            out.writeObjectPropertyStart("target");
            out.writeStringProperty("kind", "static");
            out.writeStringProperty("class", WorkerRefusalTest.Targets.class.getName());
            out.writeStringProperty("method", method);
            out.writeStringProperty("descriptor", descriptor);
            out.writeEndObject();
            out.writeName("values");
            out.writeRawValue(valuesJson);
        });
        writer.flush();
    }

    /** The value of the next answer, which must be the result of call {@code id}. */
    private Object valueOf(long id) throws IOException {
        WorkerFrame answer = new WorkerFrameDecoder(MAPPER).decode(reader.next(),
                answered -> MAPPER.constructType(Object.class));
        assertThat(answer).isInstanceOf(WorkerFrame.Result.class);
        assertThat(((WorkerFrame.Result) answer).id()).isEqualTo(id);
        return ((WorkerFrame.Result) answer).value();
    }
}
