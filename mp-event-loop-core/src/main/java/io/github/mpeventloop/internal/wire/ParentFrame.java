package io.github.mpeventloop.internal.wire;

import java.util.List;
import java.util.Map;

/**
 * A frame the parent sends a worker after the handshake, as the worker reads it
 * ({@link ParentFrameDecoder}). Each record is one frame type of {@code docs/protocol.md}.
 */
public sealed interface ParentFrame {

    /**
     * A {@code call} (section 5.3). Its header is read at once, by the worker's frame reader; its
     * body (target, values) is read by the event thread straight into the types the target declares,
     * from {@code frame}, a copy of the frame's bytes.
     *
     * @param id the event's id
     * @param output whether the caller wants the value
     * @param mode how the call runs
     * @param credit items a stream may send before it hears a {@code credit}
     * @param form what the call does
     * @param context the caller's trace context ({@code traceparent}, {@code b3} ...), empty when absent
     * @param frame the whole frame body
     */
    record Call(long id, boolean output, CallMode mode, long credit, CallForm form, Map<String, String> context,
            byte[] frame) implements ParentFrame {
    }

    /** A {@code credit} (section 5.10): stream {@code id} may send {@code items} more. */
    record Credit(long id, long items) implements ParentFrame {
    }

    /** A {@code cancel} (section 5.11). */
    record Cancel(long id, boolean interrupt) implements ParentFrame {
    }

    /** A {@code release}: the worker forgets these cached objects. */
    record Release(List<Long> objectIds) implements ParentFrame {
    }

    /** A {@code ping} (section 5.12). */
    record Ping(long seq) implements ParentFrame {
    }

    /** A {@code shutdown} (section 5.6). */
    record Shutdown() implements ParentFrame {
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
