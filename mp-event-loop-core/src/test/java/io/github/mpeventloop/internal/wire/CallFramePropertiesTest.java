package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call's header is read once, on the worker's reading thread, and its body read on from where
 * the header ended ({@link CallFrame}): whatever the header holds (context, mode, credit, unknown
 * members) and whether the call has a body, the parser handed over from the header and a new one
 * made for a second reading see exactly the same body, token by token, and the header's members
 * are read as written.
 */
class CallFramePropertiesTest {

    private static final JsonMapper MAPPER = WireMapper.create();

    /** A call as the parent writes it: a header, then optionally a body of a target and values. */
    record WrittenCall(long id, boolean output, ParentFrame.CallMode mode, boolean withContext, boolean unknownMember,
            int values) {
    }

    @Property(tries = 200)
    void theHandedOverParserAndANewOneSeeTheSameBody(@ForAll("calls") WrittenCall written) throws Exception {
        ParentFrame.Call call = (ParentFrame.Call) new ParentFrameDecoder(MAPPER.tokenStreamFactory()).decode(frameOf(written));

        assertThat(call.id()).isEqualTo(written.id());
        assertThat(call.output()).isEqualTo(written.output());
        assertThat(call.mode()).isEqualTo(written.mode());
        assertThat(call.context()).isEqualTo(written.withContext() ? Map.of("traceparent", "00-abc") : Map.of());
        List<String> first = rest(call.frame().bodyParser(MAPPER.tokenStreamFactory()));
        List<String> second = rest(call.frame().bodyParser(MAPPER.tokenStreamFactory()));
        assertThat(second).isEqualTo(first);
        if (written.values() < 0) {
            assertThat(first).containsExactly("END_OBJECT");
        } else {
            assertThat(first.get(0)).isEqualTo("target=START_OBJECT");
            assertThat(first).contains("values", "storeResult");
        }
    }

    /** The current token (with its member name) and every token after it, each with its text. */
    private static List<String> rest(JsonParser parser) {
        List<String> tokens = new ArrayList<>();
        try (parser) {
            JsonToken token = parser.currentToken();
            String name = parser.currentName();
            tokens.add((token == JsonToken.END_OBJECT || name == null ? "" : name + "=") + token);
            while ((token = parser.nextToken()) != null) {
                tokens.add(token == JsonToken.PROPERTY_NAME ? parser.currentName() : token + ":" + parser.getString());
            }
        }
        return tokens;
    }

    private static FrameReader.Frame frameOf(WrittenCall written) {
        FrameGenerator frames = new FrameGenerator(new FrameBuffer(64, 1 << 20));
        frames.append(MAPPER.tokenStreamFactory(), ParentFrame.Kind.CALL.wireName(), out -> {
            if (written.unknownMember()) {
                out.writeObjectPropertyStart("later");
                out.writeStringProperty("target", "not the body: inside a header member");
                out.writeEndObject();
            }
            ParentFrames.callHeader(out, written.id(), written.output(), written.mode(), 3,
                    written.withContext() ? Map.of("traceparent", "00-abc") : null, ParentFrame.CallForm.TARGET);
            if (written.values() >= 0) {
                out.writeObjectPropertyStart("target");
                out.writeStringProperty("kind", "static");
                out.writeStringProperty("class", "a.B");
                out.writeStringProperty("method", "m");
                out.writeEndObject();
                out.writeArrayPropertyStart("values");
                for (int i = 0; i < written.values(); i++) {
                    out.writeString("value " + i);
                }
                out.writeEndArray();
                out.writeNumberProperty("storeResult", 7);
            }
        });
        byte[] bytes = frames.buffer().toByteArray();
        return new FrameReader.Frame(bytes, 4, bytes.length - 4);
    }

    @Provide
    Arbitrary<WrittenCall> calls() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(true, false),
                Arbitraries.of(ParentFrame.CallMode.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(-1, 4)).as(WrittenCall::new);
    }
}
