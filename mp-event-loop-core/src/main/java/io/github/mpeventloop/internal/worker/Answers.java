package io.github.mpeventloop.internal.worker;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.FrameTooLargeException;
import io.github.mpeventloop.ResultNotTransferableException;
import io.github.mpeventloop.internal.wire.CycleFinder;
import io.github.mpeventloop.internal.wire.DeepStack;
import io.github.mpeventloop.internal.wire.FrameLimits;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.RemoteError;
import io.github.mpeventloop.internal.wire.ValueLimitException;
import io.github.mpeventloop.internal.wire.WireCodec;
import io.github.mpeventloop.internal.wire.WireErrors;
import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.internal.wire.WorkerFrameEncoder;
import tools.jackson.core.JacksonException;

/**
 * Writes the worker's answers: {@code result}, {@code error}, {@code cancelled}, for streams
 * {@code item} and {@code end}, and its own news ({@code pong}, {@code recycle}, {@code bye}), each
 * as its {@link WorkerFrame} record through the one {@link WorkerFrameEncoder}. A value that cannot
 * be written (too large, a type that may not travel) is reported as the failure it is, so that the
 * caller answers with an error instead; an error frame too large is written again without stack and
 * causes. An {@link OutOfMemoryError} in a worker process is
 * answered as fatal, and then the worker halts.
 */
final class Answers {

    private final WorkerFrameEncoder encoder;
    private final FrameWriter writer;
    private final WireLimits limits;

    Answers(WireCodec codec, FrameWriter writer, WireLimits limits) {
        this.encoder = new WorkerFrameEncoder(codec);
        this.writer = writer;
        this.limits = limits;
    }

    FrameWriter writer() {
        return writer;
    }

    /** Writes a {@code result}; returns the failure instead when the value cannot be sent. */
    @Nullable Throwable result(long id, long nanos, boolean output, @Nullable Object value,
            Map<String, Object> mirror) {
        return write("the result", value, new WorkerFrame.Result(id, nanos, output, value, mirror));
    }

    /** Writes one {@code item} of a stream; returns the failure instead when the value cannot be sent. */
    @Nullable Throwable item(long id, long index, boolean output, @Nullable Object value) {
        return write("item " + index, value, new WorkerFrame.Item(id, index, output, value));
    }

    /** Writes the {@code end} of a stream that produced {@code items} items. */
    void end(long id, long nanos, long items, boolean cancelled) {
        encoder.append(writer, new WorkerFrame.End(id, nanos, items, cancelled));
    }

    /** Writes a {@code pong} with the ping's {@code seq}. */
    void pong(long seq) {
        encoder.append(writer, new WorkerFrame.Pong(seq));
    }

    /** Writes {@code recycle}: the heap stays above the threshold. */
    void recycle(long heap) {
        encoder.append(writer, new WorkerFrame.Recycle(heap));
    }

    /** Writes {@code bye}, after {@code events} calls. */
    void bye(long events) {
        encoder.append(writer, new WorkerFrame.Bye(events));
    }

    /** Writes {@code cancelled}: plain call {@code id} was cancelled, before it ran or while it ran. */
    void cancelled(long id, long nanos) {
        encoder.append(writer, new WorkerFrame.Cancelled(id, nanos));
    }

    /**
     * Writes an {@code error}; {@code items} is the number of items a stream produced before it
     * failed, -1 for other calls. A fatal failure halts the worker after the frame is flushed.
     */
    void error(long id, long nanos, Throwable failure, long items) {
        boolean fatal = failure instanceof OutOfMemoryError && CurrentWorker.isWorkerProcess();
        RemoteError error = RemoteError.of(failure);
        try {
            appendError(id, nanos, error, fatal, items);
        } catch (FrameTooLargeException | ValueLimitException e) {
            appendError(id, nanos, error.reduced(1000), fatal, items);
        }
        if (fatal) {
            try {
                writer.flush();
            } catch (IOException e) {
                // the worker exits anyway
            }
            Runtime.getRuntime().halt(3);
        }
    }

    private void appendError(long id, long nanos, RemoteError error, boolean fatal, long items) {
        encoder.append(writer, new WorkerFrame.Failure(id, nanos, fatal, items, error));
    }

    /**
     * Appends a frame that carries {@code value}; returns why it cannot be sent instead, in this
     * library's words: a {@link FrameTooLargeException} that says it was {@code what}, or a
     * {@link ResultNotTransferableException} naming the limit crossed, the cycle, or the type.
     */
    private @Nullable Throwable write(String what, @Nullable Object value, WorkerFrame frame) {
        try {
            DeepStack.runUnchecked(() -> {
                encoder.append(writer, frame);
                return null;
            });
            return null;
        } catch (RuntimeException e) {
            String type = value == null ? "null" : value.getClass().getName();
            FrameTooLargeException tooLarge = FrameLimits.tooLarge(e);
            if (tooLarge != null) {
                return new FrameTooLargeException(what + ", a " + type + ",", tooLarge.limit(), tooLarge.size());
            }
            String cycle = WireErrors.mayBeCycle(e) ? CycleFinder.describe(what, value) : null;
            if (cycle != null) {
                return new ResultNotTransferableException(what + ", a " + type + ", cannot be sent back: it contains "
                        + "a cycle, " + cycle + " (values travel as trees)");
            }
            ValueLimitException limit = WireErrors.limitCrossed(e, limits);
            String reason = limit != null ? limit.getMessage() : WireErrors.reason(e);
            if (limit == null && !(e instanceof JacksonException)) {
                throw e;
            }
            return new ResultNotTransferableException(what + ", a " + type + ", cannot be sent back: " + reason);
        }
    }
}
