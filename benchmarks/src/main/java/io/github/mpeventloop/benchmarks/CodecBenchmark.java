package io.github.mpeventloop.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.mpeventloop.benchmarks.echo.EchoCodec;

/**
 * The echo's codec alone, JSON against Smile: what each side of the echo does to one event
 * (encode the event, decode it, encode the result, decode it), one step at a time and as a whole
 * cycle (the yardstick's {@code codeconly} section).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    @Param({"JSON", "SMILE"})
    public EchoCodec.Format format;

    private EchoCodec codec;
    private EchoCodec.Event event;
    private EchoCodec.Result result;
    private byte[] eventBytes;
    private byte[] resultBytes;

    @Setup
    public void setUp() {
        codec = new EchoCodec(format);
        event = EchoCodec.trivial(123_456);
        result = EchoCodec.run(event);
        eventBytes = codec.encodeEvent(event);
        resultBytes = codec.encodeResult(result);
    }

    @Benchmark
    public byte[] encodeEvent() {
        return codec.encodeEvent(event);
    }

    @Benchmark
    public EchoCodec.Event decodeEvent() {
        return codec.decodeEvent(eventBytes, eventBytes.length);
    }

    @Benchmark
    public byte[] encodeResult() {
        return codec.encodeResult(result);
    }

    @Benchmark
    public EchoCodec.Result decodeResult() {
        return codec.decodeResult(resultBytes, resultBytes.length);
    }

    @Benchmark
    public EchoCodec.Result fullCycle() {
        byte[] sent = codec.encodeEvent(event);
        EchoCodec.Event received = codec.decodeEvent(sent, sent.length);
        byte[] answer = codec.encodeResult(EchoCodec.run(received));
        return codec.decodeResult(answer, answer.length);
    }
}
