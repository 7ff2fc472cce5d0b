package io.github.mpeventloop.internal.wire;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parent's writing side of its frames ({@link ParentFrame}): {@link #append} writes any of
 * them but a {@code call}, whose body the parent's call encoder writes with the values in it (its
 * header members are named here, {@link #callHeader}). The static methods append one frame each to
 * a worker's {@link FrameWriter}; the caller flushes when it wants the frame to travel
 * ({@code ping} and {@code cancel} usually at once). Thread-safe, as the writer is.
 */
public final class ParentFrames {

    private static final JsonMapper MAPPER = WireMapper.create();

    private ParentFrames() {
    }

    /**
     * Appends {@code frame} to {@code writer}.
     *
     * @throws IllegalArgumentException for a {@link ParentFrame.Call}, which the call encoder writes
     */
    public static void append(FrameWriter writer, ParentFrame frame) {
        if (frame instanceof ParentFrame.Call) {
            throw new IllegalArgumentException("a call is written by the call encoder, with its values");
        }
        writer.append(MAPPER.tokenStreamFactory(), frame.kind().wireName(), out -> members(out, frame));
    }

    private static void members(JsonGenerator out, ParentFrame frame) {
        switch (frame.kind()) {
            case WELCOME -> {
                ParentFrame.Welcome welcome = (ParentFrame.Welcome) frame;
                out.writeNumberProperty("protocol", welcome.protocol());
                out.writeNumberProperty("workerId", welcome.workerId());
                out.writeNumberProperty("maxFrameBytes", welcome.maxFrameBytes());
                out.writeNumberProperty("maxNestingDepth", welcome.limits().maxNestingDepth());
                out.writeNumberProperty("maxNumberLength", welcome.limits().maxNumberLength());
                out.writeNumberProperty("maxStringLength", welcome.limits().maxStringLength());
                if (welcome.recycleAboveHeapBytes() > 0) {
                    out.writeNumberProperty("recycleAboveHeapBytes", welcome.recycleAboveHeapBytes());
                }
            }
            case CREDIT -> {
                ParentFrame.Credit credit = (ParentFrame.Credit) frame;
                out.writeNumberProperty("id", credit.id());
                out.writeNumberProperty("items", credit.items());
            }
            case CANCEL -> {
                ParentFrame.Cancel cancel = (ParentFrame.Cancel) frame;
                out.writeNumberProperty("id", cancel.id());
                if (cancel.interrupt()) {
                    out.writeBooleanProperty("interrupt", true);
                }
            }
            case RELEASE -> {
                out.writeArrayPropertyStart("objects");
                for (long id : ((ParentFrame.Release) frame).objectIds()) {
                    out.writeNumber(id);
                }
                out.writeEndArray();
            }
            case PING -> out.writeNumberProperty("seq", ((ParentFrame.Ping) frame).seq());
            case SHUTDOWN, CALL -> {
                // no members; a call never gets here
            }
        }
    }

    /**
     * Writes a {@code call}'s header members, which come before its body: {@code id}, {@code output}
     * (only when false), {@code mode} (not for a plain call), {@code credit} (for a stream),
     * {@code context} (when there is one) and {@code form}. The parent's call encoder writes the body
     * after them.
     */
    public static void callHeader(JsonGenerator out, long id, boolean output, ParentFrame.CallMode mode, long credit,
            @Nullable Map<String, String> context, ParentFrame.CallForm form) {
        out.writeNumberProperty("id", id);
        if (!output) {
            out.writeBooleanProperty("output", false);
        }
        if (mode != ParentFrame.CallMode.PLAIN) {
            out.writeStringProperty("mode", mode.wireName());
        }
        if (mode == ParentFrame.CallMode.STREAM) {
            out.writeNumberProperty("credit", credit);
        }
        if (context != null) {
            out.writeObjectPropertyStart("context");
            context.forEach(out::writeStringProperty);
            out.writeEndObject();
        }
        out.writeStringProperty("form", form.wireName());
    }

    /**
     * A {@code ping}: the worker's frame reader answers {@code pong} with the same {@code seq}, even
     * while the worker's event thread is busy.
     */
    public static void ping(FrameWriter writer, long seq) {
        append(writer, new ParentFrame.Ping(seq));
    }

    /**
     * A {@code cancel} of event {@code id}. A stream is stopped (answered {@code end} with
     * {@code cancelled}); an awaited stage is cancelled (answered as it completes). A plain call
     * still queued in the worker is dropped; a running one is interrupted when {@code interrupt} is
     * true; either is answered {@code cancelled} once the worker is done with it (a late value is
     * dropped). An id the worker does not hold is ignored.
     */
    public static void cancel(FrameWriter writer, long id, boolean interrupt) {
        append(writer, new ParentFrame.Cancel(id, interrupt));
    }

    /** A {@code credit}: stream {@code id} may send {@code items} more items. */
    public static void credit(FrameWriter writer, long id, long items) {
        append(writer, new ParentFrame.Credit(id, items));
    }

    /** A {@code release}: the worker forgets the cached objects listed; no answer. */
    public static void release(FrameWriter writer, List<Long> objectIds) {
        append(writer, new ParentFrame.Release(objectIds));
    }

    /** A {@code shutdown}: the worker finishes what it was sent, answers {@code bye} and exits. */
    public static void shutdown(FrameWriter writer) {
        append(writer, new ParentFrame.Shutdown());
    }
}
