package io.github.mpeventloop.internal.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first two frames on a channel: the worker's {@code hello} (protocol version, the one-time
 * secret it was handed on its standard input, pid, Java version) and the parent's
 * {@code welcome} (the worker's id and the frame limit). A wrong version or secret ends the
 * channel before any event is sent.
 */
public final class Handshake {

    private Handshake() {
    }

    /** What a worker says of itself. */
    public record Hello(long pid, String javaVersion) {
    }

    /**
     * What the parent tells a worker.
     *
     * @param workerId the worker's id
     * @param limits the limits both ends read and write by, the frame limit among them
     * @param recycleAboveHeapBytes heap in use after a collection above which the worker asks to be
     *     replaced, 0 for never
     */
    public record Welcome(int workerId, WireLimits limits, long recycleAboveHeapBytes) {

        /** A welcome with the default limits but for the frame limit. */
        public Welcome(int workerId, int maxFrameBytes, long recycleAboveHeapBytes) {
            this(workerId, WireLimits.DEFAULTS.withMaxFrameBytes(maxFrameBytes), recycleAboveHeapBytes);
        }

        /** The frame limit. */
        public int maxFrameBytes() {
            return limits.maxFrameBytes();
        }
    }

    /** Parent side: reads and checks the worker's hello, then welcomes it. */
    public static Hello welcome(FrameReader reader, FrameWriter writer, JsonMapper mapper, String secret,
            Welcome welcome) throws IOException {
        JsonNode hello = Frames.expect(reader, mapper, Frames.HELLO);
        int version = hello.path("protocol").asInt(-1);
        if (version != Frames.PROTOCOL_VERSION) {
            throw new ProtocolException("worker speaks protocol " + version + ", this parent speaks "
                    + Frames.PROTOCOL_VERSION + ": both sides must run the same mp-event-loop version");
        }
        byte[] presented = hello.path("secret").asString("").getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, secret.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProtocolException("peer did not present this worker's secret; connection refused");
        }
        Frames.append(writer, mapper, Frames.WELCOME, out -> {
            out.writeNumberProperty("protocol", Frames.PROTOCOL_VERSION);
            out.writeNumberProperty("workerId", welcome.workerId());
            out.writeNumberProperty("maxFrameBytes", welcome.maxFrameBytes());
            out.writeNumberProperty("maxNestingDepth", welcome.limits().maxNestingDepth());
            out.writeNumberProperty("maxNumberLength", welcome.limits().maxNumberLength());
            out.writeNumberProperty("maxStringLength", welcome.limits().maxStringLength());
            if (welcome.recycleAboveHeapBytes() > 0) {
                out.writeNumberProperty("recycleAboveHeapBytes", welcome.recycleAboveHeapBytes());
            }
        });
        writer.flush();
        return new Hello(hello.path("pid").asLong(-1), hello.path("java").asString("?"));
    }

    /** Worker side: says hello with the secret and waits for the welcome. */
    public static Welcome hello(FrameReader reader, FrameWriter writer, JsonMapper mapper, String secret)
            throws IOException {
        Frames.append(writer, mapper, Frames.HELLO, out -> {
            out.writeNumberProperty("protocol", Frames.PROTOCOL_VERSION);
            out.writeStringProperty("secret", secret);
            out.writeNumberProperty("pid", ProcessHandle.current().pid());
            out.writeStringProperty("java", Runtime.version().toString());
        });
        writer.flush();
        JsonNode welcome = Frames.expect(reader, mapper, Frames.WELCOME);
        int version = welcome.path("protocol").asInt(-1);
        if (version != Frames.PROTOCOL_VERSION) {
            throw new ProtocolException("parent speaks protocol " + version + ", this worker speaks "
                    + Frames.PROTOCOL_VERSION + ": both sides must run the same mp-event-loop version");
        }
        WireLimits limits = new WireLimits(welcome.path("maxFrameBytes").asInt(),
                welcome.path("maxNestingDepth").asInt(WireLimits.DEFAULT_MAX_NESTING_DEPTH),
                welcome.path("maxNumberLength").asInt(WireLimits.DEFAULT_MAX_NUMBER_LENGTH),
                welcome.path("maxStringLength").asInt(WireLimits.DEFAULT_MAX_STRING_LENGTH));
        return new Welcome(welcome.path("workerId").asInt(), limits, welcome.path("recycleAboveHeapBytes").asLong(0));
    }

    /** A flush for {@link FrameReader}'s before-blocking hook. */
    public static Runnable flushing(FrameWriter writer) {
        return () -> {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
