package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.ResultNotTransferableException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad frames from a worker end in an error in this library's words: a frame that is not one of the
 * worker's frames is a protocol error naming what it is; a value that cannot be read as its event
 * expects fails that event alone, and the frames after it are read as usual.
 */
class WorkerFrameDecoderTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final JavaType INTEGER = MAPPER.constructType(Integer.class);

    private final WorkerFrameDecoder decoder = new WorkerFrameDecoder(MAPPER);

    private static FrameReader reader(String... bodies) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String body : bodies) {
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            bytes.write(ByteBuffer.allocate(4).putInt(json.length).array());
            bytes.write(json);
        }
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())), 1 << 20, () -> { });
    }

    private WorkerFrame decode(String body) throws IOException {
        return decoder.decode(reader(body).next(), id -> INTEGER);
    }

    @Test
    void aTypeNoWorkerSendsIsAProtocolErrorNamingIt() {
        assertThatThrownBy(() -> decode("{\"type\":\"hurray\",\"id\":1}")).isInstanceOf(ProtocolException.class)
                .hasMessage("unexpected frame type \"hurray\" from a worker");
        assertThatThrownBy(() -> decode("{\"type\":\"call\",\"id\":1,\"form\":\"target\"}"))
                .as("a parent's frame type").isInstanceOf(ProtocolException.class)
                .hasMessage("unexpected frame type \"call\" from a worker");
    }

    @Test
    void aFrameWithoutATypeOrNoObjectIsAProtocolError() {
        for (String body : new String[] {"{\"id\":1,\"nanos\":5}", "[\"result\"]", "\"result\"", "{\"type\":null}"}) {
            assertThatThrownBy(() -> decode(body)).as(body).isInstanceOf(ProtocolException.class)
                    .hasMessage("frame is not a JSON object with a \"type\"");
        }
    }

    @Test
    void anUnparseableFrameIsAProtocolErrorNamingItsSize() {
        assertThatThrownBy(() -> decode("{\"type\":\"result\",\"id\":")).isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("unparseable frame of 22 bytes: ");
        assertThatThrownBy(() -> decode("{\"type\":\"pong\",\"seq\":\"seven\"}")).isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("unparseable frame of ");
    }

    @Test
    void aValueThatCannotBeReadFailsItsEventAloneAndTheNextFramesAreRead() throws IOException {
        FrameReader reader = reader("{\"type\":\"result\",\"id\":7,\"nanos\":3,\"value\":{\"not\":\"a number\"}}",
                "{\"type\":\"item\",\"id\":8,\"index\":0,\"value\":[1]}",
                "{\"type\":\"result\",\"id\":9,\"nanos\":4,\"value\":41}");

        WorkerFrame first = decoder.decode(reader.next(), id -> INTEGER);
        assertThat(first).isInstanceOf(WorkerFrame.Result.class);
        WorkerFrame.Result unreadable = (WorkerFrame.Result) first;
        assertThat(unreadable.id()).isEqualTo(7);
        assertThat(unreadable.unreadable()).isInstanceOf(ResultNotTransferableException.class)
                .hasMessageStartingWith("the value of event 7 cannot be read as java.lang.Integer: ");

        WorkerFrame second = decoder.decode(reader.next(), id -> INTEGER);
        assertThat(((WorkerFrame.Item) second).unreadable()).hasMessageStartingWith("the value of event 8 cannot be read");

        assertThat(decoder.decode(reader.next(), id -> INTEGER))
                .isEqualTo(new WorkerFrame.Result(9, 4, true, 41, Map.of()));
        assertThat(reader.next()).isNull();
    }

    @Test
    void aMapKeyedByALoneSurrogateFailsOnlyItsEvent() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(Channels.newChannel(bytes), 1 << 20);
        WorkerFrameEncoder encoder = new WorkerFrameEncoder(WireCodec.of(MAPPER));
        encoder.append(writer, new WorkerFrame.Result(1, 2, true, Map.of("\uD800", 1), Map.of()));
        encoder.append(writer, new WorkerFrame.Result(2, 3, true, Map.of("fine", 2), Map.of()));
        writer.flush();
        FrameReader reader = new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())),
                1 << 20, () -> { });
        JavaType map = MAPPER.constructType(Map.class);

        WorkerFrame.Result first = (WorkerFrame.Result) decoder.decode(reader.next(), id -> map);
        assertThat(first.unreadable()).hasMessageStartingWith("the value of event 1 cannot be read as java.util.Map");
        assertThat(decoder.decode(reader.next(), id -> map))
                .isEqualTo(new WorkerFrame.Result(2, 3, true, Map.of("fine", 2), Map.of()));
    }

    @Test
    void aValueNobodyWaitsForIsSkippedAndAnErrorWithoutItsObjectStillFailsTheEvent() throws IOException {
        WorkerFrame skipped = decoder.decode(reader("{\"type\":\"result\",\"id\":3,\"nanos\":1,\"value\":{\"big\":[1,2]}}")
                .next(), WorkerFrameDecoder.NO_VALUES);
        assertThat(skipped).isEqualTo(new WorkerFrame.Result(3, 1, true, null, Map.of()));

        WorkerFrame failure = decode("{\"type\":\"error\",\"id\":4,\"nanos\":2}");
        assertThat(((WorkerFrame.Failure) failure).error().summary()).isEqualTo("unknown: the worker sent no error");
    }
}
