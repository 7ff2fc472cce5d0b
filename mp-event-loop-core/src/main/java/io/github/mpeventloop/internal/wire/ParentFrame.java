package io.github.mpeventloop.internal.wire;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A frame the parent sends a worker, as the worker reads it ({@link ParentFrameDecoder}). Each
 * record is one frame type of {@code docs/protocol.md}; {@link ParentFrames} writes them (a
 * {@code call}'s body is written by the parent's call encoder, with the values in it).
 */
public sealed interface ParentFrame {

    /** What kind of frame this is: its {@code type} member. */
    Kind kind();

    /**
     * {@code welcome} (section 5.2), the parent's answer to {@code hello}.
     *
     * @param protocol the parent's protocol version
     * @param workerId the worker's id
     * @param limits the limits both ends read and write by, the frame limit among them
     * @param recycleAboveHeapBytes heap in use after a collection above which the worker asks to be
     *     replaced, 0 for never
     */
    record Welcome(int protocol, int workerId, WireLimits limits, long recycleAboveHeapBytes) implements ParentFrame {

        /** A welcome in this side's protocol version. */
        public Welcome(int workerId, WireLimits limits, long recycleAboveHeapBytes) {
            this(Frames.PROTOCOL_VERSION, workerId, limits, recycleAboveHeapBytes);
        }

        /** A welcome with the default limits but for the frame limit. */
        public Welcome(int workerId, int maxFrameBytes, long recycleAboveHeapBytes) {
            this(workerId, WireLimits.DEFAULTS.withMaxFrameBytes(maxFrameBytes), recycleAboveHeapBytes);
        }

        /** The frame limit. */
        public int maxFrameBytes() {
            return limits.maxFrameBytes();
        }

        @Override
        public Kind kind() {
            return Kind.WELCOME;
        }
    }

    /**
     * A {@code call} (section 5.3). Its header is read at once, by the worker's frame reader; its
     * body (target, values) is read by the event thread straight into the types the target declares,
     * from {@code frame}: a copy of the frame's bytes, and the parser that read the header, left at
     * the body.
     *
     * @param id the event's id
     * @param output whether the caller wants the value
     * @param mode how the call runs
     * @param credit items a stream may send before it hears a {@code credit}
     * @param form what the call does
     * @param context the caller's trace context ({@code traceparent}, {@code b3} ...), empty when absent
     * @param frame the whole frame, and where its body begins
     */
    record Call(long id, boolean output, CallMode mode, long credit, CallForm form, Map<String, String> context,
            CallFrame frame) implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.CALL;
        }
    }

    /** A {@code credit} (section 5.10): stream {@code id} may send {@code items} more. */
    record Credit(long id, long items) implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.CREDIT;
        }
    }

    /** A {@code cancel} (section 5.11). */
    record Cancel(long id, boolean interrupt) implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.CANCEL;
        }
    }

    /** A {@code release}: the worker forgets these cached objects. */
    record Release(List<Long> objectIds) implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.RELEASE;
        }
    }

    /** A {@code ping} (section 5.12). */
    record Ping(long seq) implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.PING;
        }
    }

    /** A {@code shutdown} (section 5.6). */
    record Shutdown() implements ParentFrame {
        @Override
        public Kind kind() {
            return Kind.SHUTDOWN;
        }
    }

    /** The frame types the parent sends, by their {@code type} member. */
    enum Kind {
        /** {@link Welcome}. */
        WELCOME("welcome"),
        /** {@link Call}. */
        CALL("call"),
        /** {@link Credit}. */
        CREDIT("credit"),
        /** {@link Cancel}. */
        CANCEL("cancel"),
        /** {@link Release}. */
        RELEASE("release"),
        /** {@link Ping}. */
        PING("ping"),
        /** {@link Shutdown}. */
        SHUTDOWN("shutdown");

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

    /** How a call runs. */
    enum CallMode {
        /** One at a time, in order, answered with {@code result} or {@code error}. */
        PLAIN(null),
        /** The target returns a {@code CompletionStage}, awaited without blocking. */
        ASYNC("async"),
        /** The target's items are sent one by one ({@code item}, then {@code end}). */
        STREAM("stream");

        private final String wireName;

        CallMode(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code mode} member's value; {@code null} for a plain call (the member is absent). */
        public String wireName() {
            return wireName;
        }

        static CallMode of(String wireName) {
            for (CallMode mode : values()) {
                if (wireName.equals(mode.wireName)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown call mode \"" + wireName + "\"");
        }
    }

    /** What a call does: the {@code form} member. */
    enum CallForm {
        /** Run a target with values ({@code target}, {@code values}). */
        TARGET("target"),
        /** Run a target once per item ({@code target}, {@code values}, {@code batch}). */
        BATCH("batch"),
        /** Run an {@code Event} subclass ({@code event}, {@code fields}). */
        EVENT("event"),
        /** Keep a copy of an object ({@code object}, {@code class}, {@code values}). */
        STORE("store"),
        /** Send a cached object back ({@code object}). */
        READ("read"),
        /** Forget one cached object ({@code object}), answered once done. */
        FORGET("forget");

        private final String wireName;

        CallForm(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code form} member's value. */
        public String wireName() {
            return wireName;
        }

        static CallForm of(String wireName) {
            for (CallForm form : values()) {
                if (form.wireName.equals(wireName)) {
                    return form;
                }
            }
            throw new IllegalArgumentException("unknown call form \"" + wireName + "\"");
        }
    }
}
