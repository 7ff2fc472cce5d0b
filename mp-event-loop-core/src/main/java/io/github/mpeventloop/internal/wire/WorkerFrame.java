package io.github.mpeventloop.internal.wire;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A frame a worker sends its parent: each record is one frame type of {@code docs/protocol.md},
 * written by the worker's {@link WorkerFrameEncoder} and read by the parent's
 * {@link WorkerFrameDecoder}.
 *
 * <p>A frame that carries a value ({@link Result}, {@link Item}) holds it as the worker wrote it
 * and as the parent read it: the parent reads the value straight into the type its event expects,
 * and a value that cannot be read so is kept as {@code unreadable} (the failure of that event, not
 * of the channel).
 */
public sealed interface WorkerFrame {

    /** What kind of frame this is: its {@code type} member. */
    Kind kind();

    /**
     * A worker's final answer to one call: {@link Result}, {@link Failure}, a stream's {@link End},
     * or {@link Cancelled}. Exactly one answers each call.
     */
    sealed interface Answer extends WorkerFrame {
        /** The call's id. */
        long id();

        /** How long the call ran in the worker. */
        long nanos();
    }

    /**
     * {@code hello} (section 5.1), the first frame on a channel.
     *
     * @param protocol the worker's protocol version
     * @param secret the one-time secret the worker was handed
     * @param pid the worker's process id
     * @param java the worker JVM's {@code Runtime.version()}
     */
    record Hello(int protocol, String secret, long pid, String java) implements WorkerFrame {
        @Override
        public Kind kind() {
            return Kind.HELLO;
        }

        /** Without the secret, which must not reach a log. */
        @Override
        public String toString() {
            return "Hello[protocol=" + protocol + ", pid=" + pid + ", java=" + java + "]";
        }
    }

    /**
     * {@code result} (section 5.4): a call completed.
     *
     * @param id the call's id
     * @param nanos execution time in the worker
     * @param carriesValue whether the frame has a {@code value} member (the call's output was wanted)
     * @param value the value as the parent read it ({@code null} when absent or not read)
     * @param unreadable why the value could not be read as the event's result type, or {@code null}
     * @param mirror a proxy's public fields after the call, empty when none
     */
    record Result(long id, long nanos, boolean carriesValue, @Nullable Object value,
            @Nullable RuntimeException unreadable, Map<String, Object> mirror) implements Answer {

        /** A result as the worker writes it. */
        public Result(long id, long nanos, boolean carriesValue, @Nullable Object value, Map<String, Object> mirror) {
            this(id, nanos, carriesValue, value, null, mirror);
        }

        @Override
        public Kind kind() {
            return Kind.RESULT;
        }
    }

    /**
     * {@code error} (section 5.5): a call failed.
     *
     * @param id the call's id
     * @param nanos execution time in the worker
     * @param fatal whether the worker halts right after this frame
     * @param items for a stream, the items it sent before it failed; -1 for other calls
     * @param error the remote exception
     */
    record Failure(long id, long nanos, boolean fatal, long items, RemoteError error) implements Answer {
        @Override
        public Kind kind() {
            return Kind.ERROR;
        }
    }

    /**
     * {@code item} (section 5.8): one item of a stream.
     *
     * @param id the streamed call's id
     * @param index the item's position in its stream
     * @param carriesValue whether the frame has a {@code value} member
     * @param value the item as the parent read it
     * @param unreadable why the item could not be read as the stream's item type, or {@code null}
     */
    record Item(long id, long index, boolean carriesValue, @Nullable Object value,
            @Nullable RuntimeException unreadable) implements WorkerFrame {

        /** An item as the worker writes it. */
        public Item(long id, long index, boolean carriesValue, @Nullable Object value) {
            this(id, index, carriesValue, value, null);
        }

        @Override
        public Kind kind() {
            return Kind.ITEM;
        }
    }

    /**
     * {@code end} (section 5.9): a stream ended, or was cancelled.
     *
     * @param id the streamed call's id
     * @param nanos from the start of the call to the end of the stream
     * @param items the items sent
     * @param cancelled whether the stream stopped because of a {@code cancel}
     */
    record End(long id, long nanos, long items, boolean cancelled) implements Answer {
        @Override
        public Kind kind() {
            return Kind.END;
        }
    }

    /**
     * {@code cancelled} (section 5.11): a plain call was cancelled, before it ran or while it ran.
     *
     * @param id the call's id
     * @param nanos how long it ran, 0 when it did not
     */
    record Cancelled(long id, long nanos) implements Answer {
        @Override
        public Kind kind() {
            return Kind.CANCELLED;
        }
    }

    /** {@code pong} (section 5.12): the answer to the {@code ping} numbered {@code seq}. */
    record Pong(long seq) implements WorkerFrame {
        @Override
        public Kind kind() {
            return Kind.PONG;
        }
    }

    /** {@code recycle} (section 5.7): the heap in use after collection, {@code heap} bytes, stays above the threshold. */
    record Recycle(long heap) implements WorkerFrame {
        @Override
        public Kind kind() {
            return Kind.RECYCLE;
        }
    }

    /** {@code bye} (section 5.6): the last frame before a clean exit, after {@code events} calls. */
    record Bye(long events) implements WorkerFrame {
        @Override
        public Kind kind() {
            return Kind.BYE;
        }
    }

    /** The frame types a worker sends, by their {@code type} member. */
    enum Kind {
        /** {@link Hello}. */
        HELLO("hello"),
        /** {@link Result}. */
        RESULT("result"),
        /** {@link Failure}. */
        ERROR("error"),
        /** {@link Item}. */
        ITEM("item"),
        /** {@link End}. */
        END("end"),
        /** {@link Cancelled}. */
        CANCELLED("cancelled"),
        /** {@link Pong}. */
        PONG("pong"),
        /** {@link Recycle}. */
        RECYCLE("recycle"),
        /** {@link Bye}. */
        BYE("bye");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code type} member's value. */
        public String wireName() {
            return wireName;
        }

        /** The kind whose {@code type} is {@code wireName}; {@code null} for none. */
        static @Nullable Kind of(String wireName) {
            return Names.BY_WIRE_NAME.of(wireName);
        }

        /** Built on first use, after the constants (an enum's own static fields come before them). */
        private static final class Names {
            static final WireNames<Kind> BY_WIRE_NAME = new WireNames<>(values(), Kind::wireName);
        }
    }
}
