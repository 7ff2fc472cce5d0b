package io.github.mpeventloop.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A descriptor is read from the parser as {@link TargetDescriptor#write} writes it, and a reader
 * that meets a member it does not know ends where the descriptor ends.
 */
class TargetDescriptorReadTest {

    private static final JsonFactory FACTORY = WireMapper.factory(WireLimits.DEFAULTS);

    @Test
    void whatIsWrittenIsReadBack() {
        for (TargetDescriptor written : new TargetDescriptor[] {
            new TargetDescriptor(TargetDescriptor.Kind.STATIC, "a.b.C$D", "twice", "(I)I"),
            new TargetDescriptor(TargetDescriptor.Kind.INSTANCE, "a.B", "name \"quoted\"", "()Ljava/lang/String;"),
            new TargetDescriptor(TargetDescriptor.Kind.CONSTRUCTOR, "a.B", "<init>", "(J)V")}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator out = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
                written.write(out);
            }
            assertThat(read(bytes.toString())).isEqualTo(written);
            assertThat(read(written.toJson())).isEqualTo(written);
        }
    }

    @Test
    void unknownMembersAndValuesThatAreNoStringsAreSkippedToTheClosingBrace() {
        String json = "[{\"extra\":{\"kind\":\"nested\"},\"kind\":\"static\",\"class\":\"a.B\",\"method\":\"m\","
                + "\"list\":[1,{\"x\":2}],\"descriptor\":\"()V\"},42]";
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            parser.nextToken();
            parser.nextToken();
            assertThat(TargetDescriptor.read(parser))
                    .isEqualTo(new TargetDescriptor(TargetDescriptor.Kind.STATIC, "a.B", "m", "()V"));
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThat(parser.getIntValue()).isEqualTo(42);
        }
    }

    @Test
    void aMissingMemberAnUnknownKindOrNoObjectIsRefused() {
        assertThatThrownBy(() -> read("{\"kind\":\"static\",\"class\":\"a.B\",\"method\":\"m\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incomplete target");
        assertThatThrownBy(() -> read("{\"kind\":{\"a\":1},\"class\":\"a.B\",\"method\":\"m\",\"descriptor\":\"()V\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incomplete target");
        assertThatThrownBy(() -> read("{\"kind\":\"lambda\",\"class\":\"a.B\",\"method\":\"m\",\"descriptor\":\"()V\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown target kind \"lambda\"");
        assertThatThrownBy(() -> read("\"a.B::m\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a target is a JSON object");
    }

    private static TargetDescriptor read(String json) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            parser.nextToken();
            return TargetDescriptor.read(parser);
        }
    }
}
