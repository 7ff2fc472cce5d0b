package io.github.mpeventloop.internal.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.ConstructorDetector;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper configuration used on both sides of the wire.
 *
 * <p>Objects travel by their fields, as Python's pickle copies an object's state: every field of
 * any visibility is written, getters and setters are ignored, and an object is rebuilt through its
 * no-argument constructor or, failing that, a constructor whose parameters are named after its
 * fields (the build compiles with {@code -parameters}); a one-argument constructor counts as such. No default typing: a value is read back as the type that the
 * target's signature declares, never as a type named in the frame. A value with no state
 * ({@code new Object()}) and platform objects with no value form ({@code Thread}, streams, locks)
 * are refused instead of being written as something that cannot be read back
 * ({@link PlatformTypeGuard}). Nothing is written between two root values, so one generator can
 * write frame after frame ({@link FrameGenerator}). Buffers are recycled per thread: the loop's threads are long-lived
 * platform threads, where that pool measured fastest.
 */
public final class WireMapper {

    private WireMapper() {
    }

    /** A new mapper with the wire configuration and the default limits. */
    public static JsonMapper create() {
        return create(WireLimits.DEFAULTS);
    }

    /**
     * A new mapper with the wire configuration that reads and writes within {@code limits}: the
     * reader's constraints are the writer's, so nothing written is refused when read.
     */
    public static JsonMapper create(WireLimits limits) {
        return create(factory(limits));
    }

    /**
     * The factory of the wire's parsers and generators (jackson-core only, made in a few
     * milliseconds), which reads and writes within {@code limits}.
     */
    public static JsonFactory factory(WireLimits limits) {
        return JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.threadLocalPool())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .build())
                .addDecorator((streamFactory, generator) -> new LimitedGenerator(generator, limits))
                .rootValueSeparator((String) null)
                .build();
    }

    /** A new mapper with the wire configuration on {@code factory}, made by {@link #factory(WireLimits)}. */
    public static JsonMapper create(JsonFactory factory) {
        JsonMapper mapper = JsonMapper.builder(factory)
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .changeDefaultVisibility(checker -> checker
                        .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                        .withVisibility(PropertyAccessor.CREATOR, Visibility.ANY)
                        .withScalarConstructorVisibility(Visibility.ANY))
                .constructorDetector(ConstructorDetector.USE_PROPERTIES_BASED)
                .addModule(new PlatformTypeGuard())
                .build();
        initialiseFailureClasses(mapper);
        return mapper;
    }

    /**
     * Makes Jackson build one read and one write failure at once. Jackson reports a stack overflow
     * as an exception it builds near the end of the stack; if that is the first time its exception
     * classes are used, their static initialisation fails there and leaves them unusable for the
     * rest of the JVM's life. Initialised here, at a shallow depth, they are safe.
     */
    private static void initialiseFailureClasses(JsonMapper mapper) {
        try {
            mapper.readTree("{\"unfinished\":");
        } catch (JacksonException expected) {
            // initialised
        }
        try {
            mapper.writeValueAsBytes(new Object());
        } catch (JacksonException expected) {
            // initialised
        }
    }

    /** The limits a mapper made by {@link #create(WireLimits)} reads by, with {@code maxFrameBytes}. */
    public static WireLimits limitsOf(JsonMapper mapper, int maxFrameBytes) {
        StreamReadConstraints read = mapper.tokenStreamFactory().streamReadConstraints();
        return new WireLimits(maxFrameBytes, read.getMaxNestingDepth(), read.getMaxNumberLength(),
                read.getMaxStringLength());
    }
}
