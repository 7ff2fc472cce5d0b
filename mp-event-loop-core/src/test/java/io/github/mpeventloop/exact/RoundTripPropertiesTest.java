package io.github.mpeventloop.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.mpeventloop.ArgumentNotTransferableException;
import io.github.mpeventloop.EventLoop;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every value arrives {@code equals} in a process worker (checked there, on an exact description:
 * digits and scale, bits, UTF-16 code units) and comes back {@code equals} (a {@code BigDecimal}
 * with the same scale); values over a limit are refused at {@code addEvent}, naming the limit and
 * how to raise it, and the worker goes on. One loop for all properties.
 */
class RoundTripPropertiesTest {

    private static final int TRIES = 150;
    private static final int NUMBER_LIMIT = 2_000;

    private static EventLoop loop;

    @BeforeContainer
    static void startLoop() {
        loop = EventLoop.builder().name("round-trip").maxNumberLength(NUMBER_LIMIT).build().start();
    }

    @AfterContainer
    static void closeLoop() {
        loop.close();
    }

    @Property(tries = TRIES)
    void bigDecimalsOfAnyScaleArriveExactly(@ForAll("decimals") BigDecimal value) {
        assertThat(loop.addEvent(Values::decimal, value).join()).isEqualTo(Values.exactly(value));
        BigDecimal back = loop.addEvent(Values::echoDecimal, value).join();
        assertThat(back).isEqualTo(value);
        assertThat(back.scale()).isEqualTo(value.scale());
    }

    @Property(tries = TRIES)
    void bigIntegersUpToTheLimitArriveExactly(@ForAll("integers") BigInteger value) {
        assertThat(loop.addEvent(Values::integer, value).join()).isEqualTo(value.toString());
        assertThat(loop.addEvent(Values::echoInteger, value).join()).isEqualTo(value);
    }

    @Property(tries = 50)
    void numbersOverTheLimitAreRefusedAtAddEventAndTheWorkerGoesOn(@ForAll("overLimit") BigInteger value) {
        assertThatThrownBy(() -> loop.addEvent(Values::echoInteger, value))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("over the limit of " + NUMBER_LIMIT)
                .hasMessageContaining("EventLoopBuilder.maxNumberLength")
                .hasMessageContaining("mp.event-loop.frame.max-number-length");
        BigDecimal decimal = new BigDecimal(value, 3);
        assertThatThrownBy(() -> loop.addEvent(Values::echoDecimal, decimal))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("maxNumberLength");
        assertThat(loop.addEvent(Values::echoText, "next").join()).isEqualTo("next");
    }

    @Property(tries = TRIES)
    void stringsWithLoneSurrogatesArriveExactly(@ForAll("texts") String value) {
        assertThat(loop.addEvent(Values::text, value).join()).isEqualTo(Values.exactly(value));
        assertThat(loop.addEvent(Values::echoText, value).join()).isEqualTo(value);
    }

    @Property(tries = TRIES)
    void doublesIncludingNanInfinitiesAndNegativeZeroArriveExactly(@ForAll("doubles") double value) {
        assertThat(loop.addEvent(Values::number, value).join()).isEqualTo(Values.exactly(value));
        assertThat(Double.valueOf(loop.addEvent(Values::echoNumber, value).join())).isEqualTo(Double.valueOf(value));
    }

    @Property(tries = TRIES)
    void recordsOfEveryKindOfValueArriveEqual(@ForAll("samples") Values.Sample value) {
        assertThat(loop.addEvent(Values::sample, value).join()).isEqualTo(Values.exactly(value));
        assertThat(loop.addEvent(Values::echoSample, value).join()).isEqualTo(value);
    }

    @Property(tries = TRIES)
    void arraysArriveEqual(@ForAll int[] ints, @ForAll("textArrays") String[] texts) {
        assertThat(loop.addEvent(Values::ints, ints).join()).isEqualTo(Values.exactly(ints));
        assertThat(loop.addEvent(Values::echoInts, ints).join()).isEqualTo(ints);
        assertThat(loop.addEvent(Values::texts, texts).join()).isEqualTo(Values.exactly(texts));
        assertThat(loop.addEvent(Values::echoTexts, texts).join()).isEqualTo(texts);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(integersWithin(NUMBER_LIMIT - 40), Arbitraries.integers().between(-5_000, 5_000))
                .as(BigDecimal::new);
    }

    @Provide
    Arbitrary<BigInteger> integers() {
        return integersWithin(NUMBER_LIMIT - 1);
    }

    private static Arbitrary<BigInteger> integersWithin(int maxDigits) {
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers();
        Arbitrary<BigInteger> long_ = Combinators.combine(Arbitraries.strings().numeric().ofMinLength(1)
                .ofMaxLength(maxDigits), Arbitraries.of(1, -1))
                .as((digits, sign) -> new BigInteger(digits).multiply(BigInteger.valueOf(sign)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, small), net.jqwik.api.Tuple.of(3, long_),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BigInteger.ZERO, BigInteger.TEN.pow(maxDigits - 1),
                        BigInteger.TEN.pow(maxDigits - 1).negate().add(BigInteger.ONE))));
    }

    @Provide
    Arbitrary<BigInteger> overLimit() {
        return Arbitraries.integers().between(NUMBER_LIMIT, NUMBER_LIMIT * 3).map(BigInteger.TEN::pow);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> surrogates = Arbitraries.strings().withCharRange('\uD800', '\uDFFF')
                .withCharRange('a', 'c').ofMaxLength(20);
        return Arbitraries.oneOf(any, surrogates);
    }

    @Provide
    Arbitrary<String[]> textArrays() {
        return texts().array(String[].class).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().withSpecialValue(Double.NaN)
                .withSpecialValue(Double.POSITIVE_INFINITY).withSpecialValue(Double.NEGATIVE_INFINITY)
                .withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE).withSpecialValue(Double.MAX_VALUE),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d)));
    }

    @Provide
    Arbitrary<Values.Sample> samples() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(-31_000_000_000L, 31_000_000_000L)
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
        Arbitrary<Duration> durations = Arbitraries.longs().flatMap(seconds -> Arbitraries.integers()
                .between(0, 999_999_999).map(nanos -> Duration.ofSeconds(seconds, nanos)));
        Arbitrary<UUID> uuids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        Arbitrary<Optional<String>> notes = texts().optional();
        Arbitrary<List<Integer>> values = Arbitraries.integers().list().ofMaxSize(10);
        Arbitrary<Map<String, Long>> counts = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8),
                Arbitraries.longs()).ofMaxSize(5);
        Arbitrary<List<Optional<BigDecimal>>> amounts = decimals().optional().list().ofMaxSize(4);
        Arbitrary<Object[]> first = Combinators.combine(texts(), doubles(), Arbitraries.floats(), Arbitraries.longs(),
                decimals(), integers(), instants, durations).as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e,
                        f, g, h});
        return Combinators.combine(first, uuids, Arbitraries.of(Values.Color.class), notes, values, counts, amounts)
                .as((head, id, color, note, list, map, decimalList) -> new Values.Sample((String) head[0],
                        (Double) head[1], (Float) head[2], (Long) head[3], (BigDecimal) head[4],
                        (BigInteger) head[5], (Instant) head[6], (Duration) head[7], id, color, note, list, map,
                        decimalList));
    }
}
