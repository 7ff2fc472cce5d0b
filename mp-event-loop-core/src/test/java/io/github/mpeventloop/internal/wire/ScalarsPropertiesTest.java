package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scalar short cut writes the same bytes as the wire mapper and reads the same value it reads,
 * for every value of the types it takes; what it does not take it leaves to Jackson.
 */
class ScalarsPropertiesTest {

    private static final JsonMapper MAPPER = WireMapper.create();

    @Provide
    Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                        Double.MAX_VALUE).map(Object.class::cast));
    }

    @Property
    void writesWhatTheMapperWrites(@ForAll("scalars") Object value) {
        assertThat(written(value, true)).isEqualTo(written(value, false));
    }

    @Property
    void readsWhatTheMapperReadsAsTheDeclaredTypeAndItsPrimitive(@ForAll("scalars") Object value) {
        byte[] json = MAPPER.writeValueAsBytes(value);
        Class<?> boxed = value.getClass();
        for (Class<?> type : new Class<?>[] {boxed, primitive(boxed), Object.class, Number.class, Long.class,
                Double.class}) {
            Object shortCut;
            try (JsonParser parser = MAPPER.createParser(json)) {
                parser.nextToken();
                shortCut = Scalars.read(parser, type);
            }
            if (shortCut == Scalars.NOT_SCALAR) {
                continue;
            }
            assertThat(shortCut).as("%s read as %s", new String(json, StandardCharsets.UTF_8), type)
                    .isEqualTo(MAPPER.readValue(json, type));
        }
    }

    @Property
    void leavesNullAndOtherTokensToJackson(@ForAll("scalars") Object value) {
        try (JsonParser parser = MAPPER.createParser("null")) {
            parser.nextToken();
            assertThat(Scalars.read(parser, value.getClass())).isSameAs(Scalars.NOT_SCALAR);
        }
        try (JsonParser parser = MAPPER.createParser("[1]")) {
            parser.nextToken();
            assertThat(Scalars.read(parser, value.getClass())).isSameAs(Scalars.NOT_SCALAR);
        }
    }

    private static byte[] written(Object value, boolean shortCut) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = MAPPER.createGenerator(bytes)) {
            if (!shortCut || !Scalars.write(out, value)) {
                MAPPER.writeValue(out, value);
            }
        }
        return bytes.toByteArray();
    }

    private static Class<?> primitive(Class<?> boxed) {
        if (boxed == Integer.class) {
            return int.class;
        }
        if (boxed == Long.class) {
            return long.class;
        }
        if (boxed == Boolean.class) {
            return boolean.class;
        }
        if (boxed == Double.class) {
            return double.class;
        }
        return boxed;
    }
}
