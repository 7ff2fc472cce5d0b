package io.github.mpeventloop.internal.wire;

import tools.jackson.core.JsonGenerator;

/**
 * The worker's writing side: every {@link WorkerFrame} is written here, straight into the send
 * buffer, its {@code type} first and a call's {@code id} before the {@code value}, so that the
 * parent can read the value straight into its type ({@link WorkerFrameDecoder}). A value that cannot
 * be written (over a limit, a type that may not travel) throws what the mapper threw and leaves
 * nothing of the frame in the buffer. Frames without a value other than a scalar ({@link Scalars})
 * are written without the codec's mapper, which may still be in the making.
 */
public final class WorkerFrameEncoder {

    private final WireCodec codec;

    public WorkerFrameEncoder(WireCodec codec) {
        this.codec = codec;
    }

    /** Appends {@code frame} to {@code writer}. */
    public void append(FrameWriter writer, WorkerFrame frame) {
        writer.append(codec.factory(), frame.kind().wireName(), out -> members(out, frame));
    }

    private void members(JsonGenerator out, WorkerFrame frame) {
        switch (frame.kind()) {
            case HELLO -> {
                WorkerFrame.Hello hello = (WorkerFrame.Hello) frame;
                out.writeNumberProperty("protocol", hello.protocol());
                out.writeStringProperty("secret", hello.secret());
                out.writeNumberProperty("pid", hello.pid());
                out.writeStringProperty("java", hello.java());
            }
            case RESULT -> {
                WorkerFrame.Result result = (WorkerFrame.Result) frame;
                out.writeNumberProperty("id", result.id());
                out.writeNumberProperty("nanos", result.nanos());
                if (result.carriesValue()) {
                    out.writeName("value");
                    Scalars.writeValue(codec, out, result.value());
                }
                if (!result.mirror().isEmpty()) {
                    out.writeName("mirror");
                    codec.mapper().writeValue(out, result.mirror());
                }
            }
            case ERROR -> {
                WorkerFrame.Failure failure = (WorkerFrame.Failure) frame;
                out.writeNumberProperty("id", failure.id());
                out.writeNumberProperty("nanos", failure.nanos());
                if (failure.fatal()) {
                    out.writeBooleanProperty("fatal", true);
                }
                if (failure.items() >= 0) {
                    out.writeNumberProperty("items", failure.items());
                }
                out.writeName("error");
                error(out, failure.error());
            }
            case ITEM -> {
                WorkerFrame.Item item = (WorkerFrame.Item) frame;
                out.writeNumberProperty("id", item.id());
                out.writeNumberProperty("index", item.index());
                if (item.carriesValue()) {
                    out.writeName("value");
                    Scalars.writeValue(codec, out, item.value());
                }
            }
            case END -> {
                WorkerFrame.End end = (WorkerFrame.End) frame;
                out.writeNumberProperty("id", end.id());
                out.writeNumberProperty("nanos", end.nanos());
                out.writeNumberProperty("items", end.items());
                if (end.cancelled()) {
                    out.writeBooleanProperty("cancelled", true);
                }
            }
            case CANCELLED -> {
                WorkerFrame.Cancelled cancelled = (WorkerFrame.Cancelled) frame;
                out.writeNumberProperty("id", cancelled.id());
                out.writeNumberProperty("nanos", cancelled.nanos());
            }
            case PONG -> out.writeNumberProperty("seq", ((WorkerFrame.Pong) frame).seq());
            case RECYCLE -> out.writeNumberProperty("heap", ((WorkerFrame.Recycle) frame).heap());
            case BYE -> out.writeNumberProperty("events", ((WorkerFrame.Bye) frame).events());
        }
    }

    /** Writes a remote error as the current JSON value (section 5.5's error object). */
    private static void error(JsonGenerator out, RemoteError error) {
        out.writeStartObject();
        out.writeStringProperty("class", error.className());
        if (error.message() != null) {
            out.writeStringProperty("message", error.message());
        }
        out.writeArrayPropertyStart("stack");
        for (StackTraceElement element : error.stack()) {
            out.writeStartObject();
            out.writeStringProperty("c", element.getClassName());
            out.writeStringProperty("m", element.getMethodName());
            if (element.getFileName() != null) {
                out.writeStringProperty("f", element.getFileName());
            }
            out.writeNumberProperty("l", element.getLineNumber());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (error.cause() != null) {
            out.writeName("cause");
            error(out, error.cause());
        }
        if (!error.suppressed().isEmpty()) {
            out.writeArrayPropertyStart("suppressed");
            for (RemoteError each : error.suppressed()) {
                error(out, each);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
