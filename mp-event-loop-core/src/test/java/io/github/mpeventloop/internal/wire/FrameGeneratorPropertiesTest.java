package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.github.mpeventloop.FrameTooLargeException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link FrameGenerator} keeps one generator from frame to frame: whatever frames it wrote, and
 * whichever of them failed half-way (a value that throws, a frame over the limit), the buffer holds
 * exactly the frames that succeeded, each byte for byte what a generator of its own would have
 * written, with nothing between them.
 */
class FrameGeneratorPropertiesTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final int LIMIT = 200;

    /** One frame to write: its text member, and whether its body throws after writing it. */
    record Attempt(String text, boolean throwsHalfWay) {
    }

    @Property(tries = 300)
    void theBufferHoldsExactlyTheFramesThatSucceeded(@ForAll("attempts") @Size(max = 12) List<Attempt> attempts) {
        FrameGenerator frames = new FrameGenerator(new FrameBuffer(16, LIMIT));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (Attempt attempt : attempts) {
            boolean fits = alone(attempt) != null;
            if (attempt.throwsHalfWay() || !fits) {
                assertThatThrownBy(() -> write(frames, attempt))
                        .isInstanceOfAny(IllegalStateException.class, FrameTooLargeException.class);
            } else {
                write(frames, attempt);
                expected.writeBytes(alone(attempt));
            }
        }
        byte[] written = Arrays.copyOf(frames.buffer().array(), frames.buffer().size());
        assertThat(written).isEqualTo(expected.toByteArray());
    }

    @Property(tries = 50)
    void everyFrameIsOneJsonObjectWithItsTypeFirst(@ForAll("attempts") @Size(min = 2, max = 6) List<Attempt> attempts) {
        FrameGenerator frames = new FrameGenerator(new FrameBuffer(16, 1 << 20));
        for (Attempt attempt : attempts) {
            frames.append(MAPPER.tokenStreamFactory(), "result", out -> out.writeStringProperty("text", attempt.text()));
        }
        byte[] bytes = frames.buffer().array();
        int at = 0;
        for (Attempt attempt : attempts) {
            int length = ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                    | (bytes[at + 3] & 0xff);
            String frame = new String(bytes, at + 4, length, StandardCharsets.UTF_8);
            assertThat(frame).startsWith("{\"type\":\"result\"");
            assertThat(MAPPER.readTree(frame).get("text").asString()).isEqualTo(attempt.text());
            at += 4 + length;
        }
        assertThat(at).isEqualTo(frames.buffer().size());
    }

    /** The frame as a fresh generator writes it, length prefix included; {@code null} if over the limit. */
    private static byte[] alone(Attempt attempt) {
        FrameGenerator fresh = new FrameGenerator(new FrameBuffer(16, LIMIT));
        try {
            fresh.append(MAPPER.tokenStreamFactory(), "result", out -> out.writeStringProperty("text", attempt.text()));
        } catch (FrameTooLargeException tooLarge) {
            return null;
        }
        return Arrays.copyOf(fresh.buffer().array(), fresh.buffer().size());
    }

    private static void write(FrameGenerator frames, Attempt attempt) {
        frames.append(MAPPER.tokenStreamFactory(), "result", out -> {
            out.writeStringProperty("text", attempt.text());
            if (attempt.throwsHalfWay()) {
                out.writeName("half");
                throw new IllegalStateException("a value that cannot be written");
            }
        });
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '✓').ofMaxLength(260);
        Arbitrary<Boolean> throwing = Arbitraries.integers().between(0, 3).map(n -> n == 0);
        return Combinators.combine(texts, throwing).as(Attempt::new).list();
    }
}
