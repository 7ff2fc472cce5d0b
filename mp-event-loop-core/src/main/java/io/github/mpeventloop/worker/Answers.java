package io.github.mpeventloop.worker;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.FrameTooLargeException;
import io.github.mpeventloop.internal.wire.FrameLimits;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Frames;
import io.github.mpeventloop.internal.wire.RemoteError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the worker's answers: {@code result}, {@code error}, and for streams {@code item} and
 * {@code end}. A value that cannot be written (too large, a type that may not travel) is reported
 * as the failure it is, so that the caller answers with an error instead; an error frame too large
 * is written again without stack and causes. An {@link OutOfMemoryError} in a worker process is
 * answered as fatal, and then the worker halts.
 */
final class Answers {

    private final JsonMapper mapper;
    private final FrameWriter writer;

    Answers(JsonMapper mapper, FrameWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    FrameWriter writer() {
        return writer;
    }

    /** Writes a {@code result}; returns the failure instead when the value cannot be sent. */
    @Nullable Throwable result(long id, long nanos, boolean output, @Nullable Object value,
            Map<String, Object> mirror) {
        return write(value, () -> Frames.append(writer, mapper, Frames.RESULT, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("nanos", nanos);
            if (output) {
                out.writeName("value");
                mapper.writeValue(out, value);
            }
            if (!mirror.isEmpty()) {
                out.writeName("mirror");
                mapper.writeValue(out, mirror);
            }
        }));
    }

    /** Writes one {@code item} of a stream; returns the failure instead when the value cannot be sent. */
    @Nullable Throwable item(long id, long index, boolean output, @Nullable Object value) {
        return write(value, () -> Frames.append(writer, mapper, Frames.ITEM, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("index", index);
            if (output) {
                out.writeName("value");
                mapper.writeValue(out, value);
            }
        }));
    }

    /** Writes the {@code end} of a stream that produced {@code items} items. */
    void end(long id, long nanos, long items, boolean cancelled) {
        Frames.append(writer, mapper, Frames.END, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("nanos", nanos);
            out.writeNumberProperty("items", items);
            if (cancelled) {
                out.writeBooleanProperty("cancelled", true);
            }
        });
    }

    /** Writes {@code cancelled}: plain call {@code id} was cancelled, before it ran or while it ran. */
    void cancelled(long id, long nanos) {
        Frames.append(writer, mapper, Frames.CANCELLED, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("nanos", nanos);
        });
    }

    /**
     * Writes an {@code error}; {@code items} is the number of items a stream produced before it
     * failed, -1 for other calls. A fatal failure halts the worker after the frame is flushed.
     */
    void error(long id, long nanos, Throwable failure, long items) {
        boolean fatal = failure instanceof OutOfMemoryError && WorkerContext.isWorkerProcess();
        RemoteError error = RemoteError.of(failure);
        try {
            appendError(id, nanos, error, fatal, items);
        } catch (FrameTooLargeException e) {
            String message = error.message() == null ? null
                    : error.message().substring(0, Math.min(error.message().length(), 1000));
            appendError(id, nanos, new RemoteError(error.className(), message, List.of(), null), fatal, items);
        }
        if (fatal) {
            try {
                writer.flush();
            } catch (java.io.IOException e) {
                // the worker exits anyway
            }
            Runtime.getRuntime().halt(3);
        }
    }

    private void appendError(long id, long nanos, RemoteError error, boolean fatal, long items) {
        Frames.append(writer, mapper, Frames.ERROR, out -> {
            out.writeNumberProperty("id", id);
            out.writeNumberProperty("nanos", nanos);
            if (fatal) {
                out.writeBooleanProperty("fatal", true);
            }
            if (items >= 0) {
                out.writeNumberProperty("items", items);
            }
            out.writeName("error");
            error.write(out);
        });
    }

    private static @Nullable Throwable write(@Nullable Object value, Runnable append) {
        try {
            append.run();
            return null;
        } catch (FrameTooLargeException e) {
            return new FrameTooLargeException(e.limit(), e.size());
        } catch (JacksonException e) {
            FrameTooLargeException tooLarge = FrameLimits.tooLarge(e);
            return tooLarge != null ? new FrameTooLargeException(tooLarge.limit(), tooLarge.size())
                    : new IllegalStateException("the result, a " + (value == null ? "null" : value.getClass().getName())
                            + ", cannot be sent back: " + e.getOriginalMessage(), e);
        }
    }

}
