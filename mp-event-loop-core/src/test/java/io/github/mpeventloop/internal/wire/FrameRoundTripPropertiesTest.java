package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every frame record survives its codec exactly: a {@link WorkerFrame} written by the worker's
 * {@link WorkerFrameEncoder} and read by the parent's {@link WorkerFrameDecoder} (values read as
 * plain JSON data, which the values here are), and a {@link ParentFrame} other than a call written
 * by {@link ParentFrames} and read by the worker's {@link ParentFrameDecoder}, each equal to what
 * was written. A call's header and body are covered by the loop's own round trips
 * ({@code RoundTripPropertiesTest}).
 */
class FrameRoundTripPropertiesTest {

    private static final JsonMapper MAPPER = WireMapper.create();
    private static final JavaType OBJECT = MAPPER.constructType(Object.class);

    private static final int TRIES = 300;

    @Property(tries = TRIES)
    void everyWorkerFrameArrivesEqual(@ForAll("workerFrames") WorkerFrame frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(Channels.newChannel(bytes), WireLimits.DEFAULT_MAX_FRAME_BYTES);
        new WorkerFrameEncoder(WireCodec.of(MAPPER)).append(writer, frame);
        writer.flush();
        FrameReader reader = reader(bytes);
        WorkerFrame read = new WorkerFrameDecoder(MAPPER).decode(reader.next(), id -> OBJECT);
        assertThat(read).isEqualTo(frame);
        assertThat(read.kind()).isEqualTo(frame.kind());
        assertThat(reader.next()).isNull();
    }

    @Property(tries = TRIES)
    void everyParentFrameButACallArrivesEqual(@ForAll("parentFrames") ParentFrame frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(Channels.newChannel(bytes), WireLimits.DEFAULT_MAX_FRAME_BYTES);
        ParentFrames.append(writer, frame);
        writer.flush();
        FrameReader reader = reader(bytes);
        assertThat(new ParentFrameDecoder(MAPPER.tokenStreamFactory()).decode(reader.next())).isEqualTo(frame);
        assertThat(reader.next()).isNull();
    }

    private static FrameReader reader(ByteArrayOutputStream bytes) {
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray())),
                WireLimits.DEFAULT_MAX_FRAME_BYTES, () -> { });
    }

    @Provide
    Arbitrary<WorkerFrame> workerFrames() {
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<WorkerFrame> hello = Combinators.combine(Arbitraries.integers(), texts(), longs, texts())
                .as(WorkerFrame.Hello::new);
        Arbitrary<Boolean> carries = Arbitraries.of(true, false);
        Arbitrary<Object> values = values().injectNull(0.2);
        Arbitrary<WorkerFrame> result = Combinators.combine(longs, longs, carries, values, mirrors())
                .as((id, nanos, carriesValue, value, mirror) -> new WorkerFrame.Result(id, nanos, carriesValue,
                        carriesValue ? value : null, mirror));
        Arbitrary<WorkerFrame> failure = Combinators.combine(longs, longs, Arbitraries.of(true, false),
                Arbitraries.longs().between(-1, Long.MAX_VALUE), errors(2)).as(WorkerFrame.Failure::new);
        Arbitrary<WorkerFrame> item = Combinators.combine(longs, longs, carries, values)
                .as((id, index, carriesValue, value) -> new WorkerFrame.Item(id, index, carriesValue,
                        carriesValue ? value : null));
        Arbitrary<WorkerFrame> end = Combinators.combine(longs, longs, longs, Arbitraries.of(true, false))
                .as(WorkerFrame.End::new);
        Arbitrary<WorkerFrame> cancelled = Combinators.combine(longs, longs).as(WorkerFrame.Cancelled::new);
        return Arbitraries.oneOf(hello, result, failure, item, end, cancelled, longs.map(WorkerFrame.Pong::new),
                longs.map(WorkerFrame.Recycle::new), longs.map(WorkerFrame.Bye::new));
    }

    @Provide
    Arbitrary<ParentFrame> parentFrames() {
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<Integer> positive = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<WireLimits> limits = Combinators.combine(positive, positive, positive, positive).as(WireLimits::new);
        Arbitrary<ParentFrame> welcome = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), limits,
                Arbitraries.longs().between(0, Long.MAX_VALUE)).as(ParentFrame.Welcome::new);
        Arbitrary<ParentFrame> credit = Combinators.combine(longs, longs).as(ParentFrame.Credit::new);
        Arbitrary<ParentFrame> cancel = Combinators.combine(longs, Arbitraries.of(true, false))
                .as(ParentFrame.Cancel::new);
        Arbitrary<ParentFrame> release = longs.list().ofMaxSize(20).map(ParentFrame.Release::new);
        return Arbitraries.oneOf(welcome, credit, cancel, release, longs.map(ParentFrame.Ping::new),
                Arbitraries.just(new ParentFrame.Shutdown()));
    }

    /** Strings of any UTF-16 code units, lone surrogates included. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\uD800', '\uDFFF').withCharRange('a', 'c').ofMaxLength(10));
    }

    /** Values as plain JSON data reads them back: ints, longs beyond an int, finite doubles, text, lists, maps. */
    private static Arbitrary<Object> values() {
        Arbitrary<Object> leaves = Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().filter(value -> value != (int) (long) value).map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast), Arbitraries.of(true, false).map(Object.class::cast),
                texts().map(Object.class::cast));
        Arbitrary<Object> lists = leaves.injectNull(0.1).list().ofMaxSize(5).map(Object.class::cast);
        Arbitrary<Object> maps = Arbitraries.maps(names(), leaves.injectNull(0.1)).ofMaxSize(5).map(Object.class::cast);
        return Arbitraries.oneOf(leaves, lists, maps);
    }

    /**
     * Member names (map keys, a proxy's field names): well-formed text. A lone surrogate travels in a
     * string value but not in a member name, which Jackson's parser refuses ("Broken surrogate pair
     * in property name"); a map keyed so fails its event when read.
     */
    private static Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().withChars(' ', '_', '"', '\\', '\u00e9', '\u20ac', '\u4e2d')
                .ofMaxLength(12);
    }

    private static Arbitrary<Map<String, Object>> mirrors() {
        return Arbitraries.maps(names(), values()).ofMaxSize(4);
    }

    /** Remote errors with causes and suppressed errors down to {@code depth} levels. */
    private static Arbitrary<RemoteError> errors(int depth) {
        Arbitrary<StackTraceElement> elements = Combinators.combine(texts(), texts(), texts().injectNull(0.3),
                Arbitraries.integers()).as(StackTraceElement::new);
        Arbitrary<Optional<RemoteError>> cause = depth == 0 ? Arbitraries.just(Optional.empty())
                : errors(depth - 1).optional();
        Arbitrary<List<RemoteError>> suppressed = depth == 0 ? Arbitraries.just(List.of())
                : errors(depth - 1).list().ofMaxSize(2);
        return Combinators.combine(texts(), texts().injectNull(0.3), elements.list().ofMaxSize(4), cause, suppressed)
                .as((className, message, stack, causedBy, others) -> new RemoteError(className, message, stack,
                        causedBy.orElse(null), others));
    }
}
