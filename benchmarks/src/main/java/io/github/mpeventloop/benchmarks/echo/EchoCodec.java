package io.github.mpeventloop.benchmarks.echo;

import java.util.Locale;

import io.github.mpeventloop.benchmarks.Work;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * What the echo, the gRPC peer and the codec benchmark carry: an {@link Event} encoded by the
 * parent, decoded by the child, answered with a {@link Result} that the parent decodes. One
 * Jackson format per codec, with reused {@link ObjectReader}s and {@link ObjectWriter}s and
 * Jackson's default settings, as the yardstick in {@code bench/limit} does.
 */
public final class EchoCodec {

    /** The target name of the trivial event: the child sums the arguments. */
    public static final String ADD = "Work::add";
    /** The target name of the CPU-bound event: the child runs {@code Work.spin(args[0])}. */
    public static final String SPIN = "Work::spin";

    /** An event as the parent submits it. */
    public record Event(long id, String target, long[] args) {
    }

    /** What the child answers. */
    public record Result(long id, long value) {
    }

    /** The formats compared. */
    public enum Format {
        JSON, SMILE;

        /** The lower-case name used on command lines. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format with this command-line name. */
        public static Format of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private final Format format;
    private final ObjectReader eventReader;
    private final ObjectReader resultReader;
    private final ObjectWriter eventWriter;
    private final ObjectWriter resultWriter;

    public EchoCodec(Format format) {
        this.format = format;
        ObjectMapper mapper = format == Format.JSON ? JsonMapper.builder().build() : SmileMapper.builder().build();
        eventReader = mapper.readerFor(Event.class);
        resultReader = mapper.readerFor(Result.class);
        eventWriter = mapper.writerFor(Event.class);
        resultWriter = mapper.writerFor(Result.class);
    }

    public Format format() {
        return format;
    }

    public byte[] encodeEvent(Event event) {
        return eventWriter.writeValueAsBytes(event);
    }

    public Event decodeEvent(byte[] bytes, int length) {
        return eventReader.readValue(bytes, 0, length);
    }

    public byte[] encodeResult(Result result) {
        return resultWriter.writeValueAsBytes(result);
    }

    public Result decodeResult(byte[] bytes, int length) {
        return resultReader.readValue(bytes, 0, length);
    }

    /** The trivial event number {@code id}: add {@code id}, 2 and 3 (the yardstick's sample event). */
    public static Event trivial(long id) {
        return new Event(id, ADD, new long[] {id, 2, 3});
    }

    /** The value {@link #run} answers for {@link #trivial}{@code (id)}. */
    public static long trivialValue(long id) {
        return id + 5;
    }

    /** The work a child does for an event. */
    public static Result run(Event event) {
        if (SPIN.equals(event.target())) {
            return new Result(event.id(), Work.spin(event.args()[0]));
        }
        long sum = 0;
        for (long arg : event.args()) {
            sum += arg;
        }
        return new Result(event.id(), sum);
    }
}
