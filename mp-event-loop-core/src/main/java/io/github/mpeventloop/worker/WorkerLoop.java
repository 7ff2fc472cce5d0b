package io.github.mpeventloop.worker;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import io.github.mpeventloop.wire.FrameReader;
import io.github.mpeventloop.wire.FrameWriter;
import io.github.mpeventloop.wire.Frames;
import io.github.mpeventloop.wire.Handshake;
import io.github.mpeventloop.wire.ProtocolException;
import io.github.mpeventloop.wire.WireMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's side of a channel: after the handshake, runs each {@code call} frame in the order
 * received, one at a time, and answers each with exactly one {@code result} or {@code error}.
 * Answers are batched: they are flushed when no further frame is waiting, just before the loop
 * would block, and at the latest a millisecond after an event began while answers waited, so that
 * the parent learns of finished events even while a long one runs. When the heap stays above the threshold the parent set, the worker asks once to be
 * recycled ({@code recycle}) and goes on serving until the parent shuts it down. A {@code shutdown} frame is answered with {@code bye}; the end of the channel ends
 * the loop too.
 */
public final class WorkerLoop {

    private static final int HANDSHAKE_FRAME_LIMIT = 1 << 20;

    private final FrameReader reader;
    private final FrameWriter writer;
    private final JsonMapper mapper = WireMapper.create();
    private final CallRunner runner;
    private final WorkerObjects objects = new WorkerObjects();
    private final LingerFlush lingerFlush;

    public WorkerLoop(ReadableByteChannel in, WritableByteChannel out, ClassLoader loader) {
        this.writer = new FrameWriter(out, HANDSHAKE_FRAME_LIMIT);
        this.reader = new FrameReader(in, HANDSHAKE_FRAME_LIMIT, Handshake.flushing(writer));
        this.runner = new CallRunner(mapper, loader, objects);
        this.lingerFlush = new LingerFlush(writer);
    }

    /**
     * Says hello with {@code secret}, then serves until shutdown or the end of the channel.
     *
     * @return the number of events run
     */
    public long run(String secret) throws IOException {
        try {
            return serve(secret);
        } finally {
            lingerFlush.stop();
        }
    }

    private long serve(String secret) throws IOException {
        Handshake.Welcome welcome = Handshake.hello(reader, writer, mapper, secret);
        reader.setMaxFrameBytes(welcome.maxFrameBytes());
        writer.setMaxFrameBytes(welcome.maxFrameBytes());
        WorkerContext.enter(welcome.workerId(), objects);
        HeapWatch heap = new HeapWatch(welcome.recycleAboveHeapBytes());
        boolean recycleAsked = false;
        long events = 0;
        FrameReader.Frame frame;
        while ((frame = reader.next()) != null) {
            JsonNode node = Frames.parse(mapper, frame);
            String type = Frames.type(node);
            if (Frames.CALL.equals(type)) {
                lingerFlush.arm();
                runner.run(node, writer);
                events++;
                long heapUsed = recycleAsked ? -1 : heap.exceeded();
                if (heapUsed >= 0) {
                    recycleAsked = true;
                    Frames.append(writer, mapper, Frames.RECYCLE, out -> out.writeNumberProperty("heap", heapUsed));
                }
            } else if (Frames.RELEASE.equals(type)) {
                for (JsonNode id : node.path("objects")) {
                    objects.release(id.asLong());
                }
            } else if (Frames.SHUTDOWN.equals(type)) {
                long done = events;
                Frames.append(writer, mapper, Frames.BYE, out -> out.writeNumberProperty("events", done));
                writer.flush();
                return events;
            } else {
                throw new ProtocolException("unexpected frame type \"" + type + "\" from the parent");
            }
        }
        writer.flush();
        return events;
    }
}
