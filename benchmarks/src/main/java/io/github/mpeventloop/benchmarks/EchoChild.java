package io.github.mpeventloop.benchmarks;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.WireMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw echo: a child JVM that does what a worker does to a frame, with nothing of the event
 * loop around it. It connects to the Unix-domain socket named by its argument, parses each
 * {@code call} frame with the wire mapper, reads its single value, computes
 * {@link Work#plusOne(int)} or {@link Work#spin(long)} (chosen by the target's method name) and
 * answers a {@code result} frame, flushing only before it would block, as the worker loop does.
 */
public final class EchoChild {

    private EchoChild() {
    }

    public static void main(String[] args) throws IOException {
        JsonMapper mapper = WireMapper.create();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(args[0]));
            FrameWriter writer = new FrameWriter(channel, 16 << 20);
            FrameReader reader = new FrameReader(channel, 16 << 20, Handshake.flushing(writer));
            FrameReader.Frame frame;
            while ((frame = reader.next()) != null) {
                JsonNode call = Frames.parse(mapper, frame);
                long id = call.path("id").asLong();
                String method = call.path("target").path("method").asString();
                JsonNode argument = call.path("values").get(0);
                long start = System.nanoTime();
                Object value;
                if ("spin".equals(method)) {
                    value = Work.spin(mapper.treeToValue(argument, long.class));
                } else {
                    value = Work.plusOne(mapper.treeToValue(argument, int.class));
                }
                long nanos = System.nanoTime() - start;
                Frames.append(writer, mapper, Frames.RESULT, out -> {
                    out.writeNumberProperty("id", id);
                    out.writeNumberProperty("nanos", nanos);
                    out.writeName("value");
                    mapper.writeValue(out, value);
                });
            }
            writer.flush();
        }
        System.exit(0);
    }
}
