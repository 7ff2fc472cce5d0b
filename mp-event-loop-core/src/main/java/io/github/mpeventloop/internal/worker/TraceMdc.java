package io.github.mpeventloop.internal.worker;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts the trace and span ids of the trace context a {@code call} frame carries ({@code context}
 * member) into the SLF4J MDC, as {@code traceId} and {@code spanId}, for as long as the call runs,
 * so that what the target logs (and the parent forwards) carries the trace of the request that
 * caused it. Reads the W3C {@code traceparent} field, else B3 single ({@code b3}) or multi
 * ({@code X-B3-TraceId}, {@code X-B3-SpanId}) fields: the formats Micrometer Tracing's propagators
 * write. Written by hand because a worker has no tracer to extract them, and both formats are one
 * line of text.
 */
final class TraceMdc implements AutoCloseable {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final TraceMdc NONE = new TraceMdc(false);

    private final boolean set;

    private TraceMdc(boolean set) {
        this.set = set;
    }

    /** Opens the scope of a call's trace context (its {@code context} fields); does nothing when there is none. */
    static TraceMdc open(Map<String, String> context) {
        if (context.isEmpty()) {
            return NONE;
        }
        String[] ids = ids(context.get("traceparent"), context.get("b3"), context.get("X-B3-TraceId"),
                context.get("X-B3-SpanId"));
        if (ids == null) {
            return NONE;
        }
        MDC.put(TRACE_ID, ids[0]);
        MDC.put(SPAN_ID, ids[1]);
        return new TraceMdc(true);
    }

    /** The trace and span ids of the first well-formed context, or {@code null}. */
    static String @Nullable [] ids(@Nullable String traceparent, @Nullable String b3, @Nullable String b3TraceId,
            @Nullable String b3SpanId) {
        if (traceparent != null) {
            String[] parts = traceparent.split("-");
            if (parts.length >= 3 && isHex(parts[1]) && isHex(parts[2])) {
                return new String[] { parts[1], parts[2] };
            }
        }
        if (b3 != null) {
            String[] parts = b3.split("-");
            if (parts.length >= 2 && isHex(parts[0]) && isHex(parts[1])) {
                return new String[] { parts[0], parts[1] };
            }
        }
        if (b3TraceId != null && b3SpanId != null && isHex(b3TraceId) && isHex(b3SpanId)) {
            return new String[] { b3TraceId, b3SpanId };
        }
        return null;
    }

    private static boolean isHex(String text) {
        if (text.isEmpty() || text.length() > 32) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (set) {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
