package io.github.mpeventloop.internal.wire;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The parent's writing side for the frames it sends a worker besides {@code call} and
 * {@code welcome}: each method appends one frame to the worker's {@link FrameWriter}; the caller
 * flushes when it wants the frame to travel ({@code ping} and {@code cancel} usually at once).
 * Thread-safe, as the writer is.
 */
public final class ParentFrames {

    private static final JsonMapper MAPPER = WireMapper.create();

    private ParentFrames() {
    }

    /**
     * A {@code ping}: the worker's frame reader answers {@code pong} with the same {@code seq}, even
     * while the worker's event thread is busy.
     */
    public static void ping(FrameWriter writer, long seq) {
        Frames.append(writer, MAPPER, Frames.PING, out -> out.writeNumberProperty("seq", seq));
    }

    /**
     * A {@code cancel} of event {@code id}. A stream is stopped (answered {@code end} with
     * {@code cancelled}); an awaited stage is cancelled (answered as it completes). A plain call
     * still queued in the worker is dropped; a running one is interrupted when {@code interrupt} is
     * true; either is answered {@code cancelled} once the worker is done with it (a late value is
     * dropped). An id the worker does not hold is ignored.
     */
    public static void cancel(FrameWriter writer, long id, boolean interrupt) {
        Frames.append(writer, MAPPER, Frames.CANCEL, out -> {
            out.writeNumberProperty("id", id);
            if (interrupt) {
                out.writeBooleanProperty("interrupt", true);
            }
        });
    }

    /** A {@code credit}: stream {@code id} may send {@code items} more items. */
    public static void credit(FrameWriter writer, long id, long items) {
        Frames.append(writer, MAPPER, Frames.CREDIT, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("items", items);
        });
    }

    /** A {@code release}: the worker forgets the cached objects listed; no answer. */
    public static void release(FrameWriter writer, List<Long> objectIds) {
        Frames.append(writer, MAPPER, Frames.RELEASE, out -> {
            out.writeArrayPropertyStart("objects");
            for (long id : objectIds) {
                out.writeNumber(id);
            }
            out.writeEndArray();
        });
    }

    /** A {@code shutdown}: the worker finishes what it was sent, answers {@code bye} and exits. */
    public static void shutdown(FrameWriter writer) {
        Frames.append(writer, MAPPER, Frames.SHUTDOWN, out -> { });
    }
}
