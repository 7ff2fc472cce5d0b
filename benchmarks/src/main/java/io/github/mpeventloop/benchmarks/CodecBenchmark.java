package io.github.mpeventloop.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.wire.FrameBuffer;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec of one trivial event, step by step, as the loop does it: the parent encodes the
 * {@code call} frame into a fresh array ({@code CallEncoder}), the worker parses it into a tree,
 * reads the target and the value and writes the {@code result} frame ({@code CallRunner}), the
 * parent parses the result into a tree and reads the value as the declared type
 * ({@code WorkerSession} and {@code LoopEngine.answered}). {@code parentDecodeResultStreaming}
 * reads the same result frame with the streaming parser and a reused {@code ObjectReader}
 * instead of a tree, for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private JsonMapper mapper;
    private JavaType intType;
    private ObjectReader intReader;
    private byte[] callFrame;
    private byte[] resultFrame;
    private FrameBuffer out;
    private long id;

    @Setup
    public void setUp() {
        mapper = WireMapper.create();
        intType = mapper.getTypeFactory().constructType(int.class);
        intReader = mapper.readerFor(intType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        callFrame = Codec.callFrame(mapper, 123_456, Codec.PLUS_ONE, 41);
        FrameBuffer buffer = new FrameBuffer(256, Codec.MAX_FRAME);
        int start = buffer.beginFrame();
        Codec.writeResult(mapper, buffer, 123_456, 1_234, 42);
        buffer.endFrame(start);
        resultFrame = buffer.toByteArray();
        out = new FrameBuffer(64 << 10, Codec.MAX_FRAME);
    }

    private static FrameReader.Frame frame(byte[] bytes) {
        return new FrameReader.Frame(bytes, 4, bytes.length - 4);
    }

    /** Parent, caller's thread: encode the call frame of {@code plusOne(41)} into a new array. */
    @Benchmark
    public byte[] parentEncodeCall() {
        return Codec.callFrame(mapper, ++id, Codec.PLUS_ONE, 41);
    }

    /** Worker: parse the call frame, read target and value, compute, write the result frame into a reused buffer. */
    @Benchmark
    public int workerDecodeCallEncodeResult() throws Exception {
        JsonNode call = Frames.parse(mapper, frame(callFrame));
        long callId = call.path("id").asLong(-1);
        TargetDescriptor target = TargetDescriptor.read(call.path("target"));
        int value = mapper.treeToValue(call.path("values").get(0), intType);
        out.clear();
        int start = out.beginFrame();
        Codec.writeResult(mapper, out, callId, target.methodName().length(), Work.plusOne(value));
        out.endFrame(start);
        return out.size();
    }

    /** Parent, reader thread: parse the result frame into a tree and read the value as an int. */
    @Benchmark
    public int parentDecodeResult() throws Exception {
        JsonNode result = Frames.parse(mapper, frame(resultFrame));
        long resultId = result.path("id").asLong(-1);
        int value = mapper.treeToValue(result.get("value"), intType);
        return value + (int) resultId;
    }

    /** The same result frame read with the streaming parser, no tree. */
    @Benchmark
    public int parentDecodeResultStreaming() {
        long resultId = -1;
        int value = 0;
        try (JsonParser parser = mapper.createParser(resultFrame, 4, resultFrame.length - 4)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "id" -> resultId = parser.getLongValue();
                    case "value" -> value = intReader.readValue(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        return value + (int) resultId;
    }

    /** All three steps: one event's whole codec cost. */
    @Benchmark
    public int fullCycle() throws Exception {
        byte[] call = parentEncodeCall();
        callFrame = call;
        workerDecodeCallEncodeResult();
        resultFrame = out.toByteArray();
        return parentDecodeResult();
    }
}
