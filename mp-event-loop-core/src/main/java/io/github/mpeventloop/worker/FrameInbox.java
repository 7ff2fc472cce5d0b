package io.github.mpeventloop.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.Frames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's reader thread: reads the parent's frames while the event thread runs, and hands
 * them over in batches, all the frames that arrived together at once, just before it would wait
 * for more. Frames sent together are therefore queued together, in their order, before the event
 * thread takes the next step of any stream. The end of the channel and read failures reach the
 * event thread the same way.
 */
final class FrameInbox {

    /** What the reader hands to the event thread. */
    interface Sink {
        void frames(List<JsonNode> frames);

        /** The channel ended between frames. */
        void ended();

        /** Reading failed: protocol error, frame too large, I/O error. */
        void failed(IOException error);
    }

    private static final int MAX_BATCH = 256;

    private final FrameReader reader;
    private final JsonMapper mapper;
    private final Sink sink;
    private final List<JsonNode> batch = new ArrayList<>();

    FrameInbox(FrameReader reader, JsonMapper mapper, Sink sink) {
        this.reader = reader;
        this.mapper = mapper;
        this.sink = sink;
    }

    void start() {
        reader.setBeforeBlocking(this::handOver);
        Thread thread = new Thread(this::read, "mp-event-loop-frame-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void handOver() {
        if (!batch.isEmpty()) {
            sink.frames(List.copyOf(batch));
            batch.clear();
        }
    }

    private void read() {
        try {
            FrameReader.Frame frame;
            while ((frame = reader.next()) != null) {
                batch.add(Frames.parse(mapper, frame));
                if (batch.size() >= MAX_BATCH) {
                    handOver();
                }
            }
            handOver();
            sink.ended();
        } catch (IOException e) {
            handOver();
            sink.failed(e);
        } catch (RuntimeException e) {
            handOver();
            sink.failed(new IOException(e.toString(), e));
        }
    }

    /** Convenience for a sink made of lambdas. */
    static Sink sink(Consumer<List<JsonNode>> frames, Runnable ended, Consumer<IOException> failed) {
        return new Sink() {
            @Override
            public void frames(List<JsonNode> list) {
                frames.accept(list);
            }

            @Override
            public void ended() {
                ended.run();
            }

            @Override
            public void failed(IOException error) {
                failed.accept(error);
            }
        };
    }
}
