package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.FrameTooLargeException;
import tools.jackson.databind.json.JsonMapper;

/** Malformed, truncated and oversized input on the wire ends in a clear error, never in a hang or a huge allocation. */
class FrameReaderTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final WorkerFrameDecoder WORKER_FRAMES = new WorkerFrameDecoder(MAPPER);
    private static final ParentFrameDecoder PARENT_FRAMES = new ParentFrameDecoder(MAPPER.tokenStreamFactory());

    private static FrameReader reader(byte[] bytes, int limit) {
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes)), limit, () -> { });
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    @Test
    void readsConsecutiveFramesAndEndsCleanlyBetweenFrames() throws IOException {
        byte[] first = frame("{\"type\":\"a\"}");
        byte[] second = frame("{\"type\":\"b\"}");
        byte[] both = ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
        FrameReader reader = reader(both, 1024);
        assertThat(text(reader.next())).isEqualTo("{\"type\":\"a\"}");
        assertThat(text(reader.next())).isEqualTo("{\"type\":\"b\"}");
        assertThat(reader.next()).isNull();
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeAnythingIsAllocated() {
        byte[] header = ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> reader(header, 1024).next()).isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("over the frame limit of 1024 bytes");
    }

    @Test
    void aNegativeLengthIsAProtocolError() {
        byte[] header = ByteBuffer.allocate(4).putInt(-5).array();
        assertThatThrownBy(() -> reader(header, 1024).next()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("invalid frame length -5");
    }

    @Test
    void aChannelEndingInsideAFrameIsAProtocolError() {
        byte[] whole = frame("{\"type\":\"result\",\"id\":1}");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertThatThrownBy(() -> reader(truncated, 1024).next()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("inside a frame");
        assertThatThrownBy(() -> reader(new byte[] {0, 0}, 1024).next()).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("length prefix");
    }

    private static String text(FrameReader.Frame frame) {
        return new String(frame.array(), frame.offset(), frame.length(), StandardCharsets.UTF_8);
    }

    @Test
    void framesThatAreNoJsonObjectWithATypeAreProtocolErrorsInBothDirections() throws IOException {
        for (String body : new String[] {"{{{", "[1,2]", "42", "{\"id\":1}", "{\"type\":7}", ""}) {
            FrameReader.Frame frame = reader(frame(body), 1024).next();
            assertThatThrownBy(() -> WORKER_FRAMES.decode(frame, WorkerFrameDecoder.NO_VALUES)).as(body)
                    .isInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> PARENT_FRAMES.decode(frame)).as(body).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButAProtocolErrorOrAFrameLimit() {
        long seed = 20261125L;
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            FrameReader reader = reader(bytes, 4096);
            try {
                FrameReader.Frame frame;
                while ((frame = reader.next()) != null) {
                    WORKER_FRAMES.decode(frame, WorkerFrameDecoder.NO_VALUES);
                    PARENT_FRAMES.decode(frame);
                }
            } catch (ProtocolException | FrameTooLargeException expected) {
                // the only acceptable outcomes
            } catch (Throwable other) {
                throw new AssertionError("seed " + seed + ", round " + round + ": " + other, other);
            }
        }
    }
}
