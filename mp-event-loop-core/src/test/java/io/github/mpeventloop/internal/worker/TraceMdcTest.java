package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;


/** The trace context of a call frame in the worker's MDC: the W3C and B3 forms, and nothing else. */
class TraceMdcTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aW3cTraceparentPutsItsTraceAndSpanIdsInTheMdcUntilTheScopeCloses() {
        try (TraceMdc scope = TraceMdc.open(Map.of("traceparent", "00-" + TRACE + "-" + SPAN + "-01"))) {
            assertThat(MDC.get("traceId")).isEqualTo(TRACE);
            assertThat(MDC.get("spanId")).isEqualTo(SPAN);
        }
        assertThat(MDC.get("traceId")).isNull();
        assertThat(MDC.get("spanId")).isNull();
    }

    @Test
    void b3SingleAndMultiFormsAreReadToo() {
        assertThat(TraceMdc.ids(null, TRACE + "-" + SPAN + "-1", null, null)).containsExactly(TRACE, SPAN);
        assertThat(TraceMdc.ids(null, null, TRACE, SPAN)).containsExactly(TRACE, SPAN);
    }

    @Test
    void aCallWithoutContextOrWithAMalformedOneLeavesTheMdcAlone() {
        MDC.put("traceId", "the caller's own");
        try {
            try (TraceMdc scope = TraceMdc.open(Map.of())) {
                assertThat(MDC.get("traceId")).isEqualTo("the caller's own");
            }
            try (TraceMdc scope = TraceMdc.open(Map.of("traceparent", "not-a-trace"))) {
                assertThat(MDC.get("traceId")).isEqualTo("the caller's own");
            }
            assertThat(MDC.get("traceId")).isEqualTo("the caller's own");
        } finally {
            MDC.remove("traceId");
        }
        assertThat(TraceMdc.ids("00-zz-" + SPAN + "-01", null, null, null)).isNull();
    }
}
