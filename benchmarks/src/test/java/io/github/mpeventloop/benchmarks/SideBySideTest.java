package io.github.mpeventloop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Smoke test: the harness runs end to end with tiny sizes, every subject answers correctly (each
 * measurement checks every answer it gets) and every cell of the local table is filled where a
 * figure belongs. No timing is checked.
 */
class SideBySideTest {

    @Test
    void quickRunFillsEveryTable() throws Exception {
        String report = SideBySide.run("--quick");
        System.out.println(report);

        assertThat(report).contains("Echo used: the in-harness JSON echo");
        assertThat(report).containsPattern("Load: whole run \\d+ s; foreign CPU \\d+ %");
        // loop, echo, loop ÷ echo, gRPC unary, gRPC stream, loop ÷ gRPC stream
        assertThat(report).containsPattern("\\| trivial events/s, 1 worker \\| [0-9,]+ \\| [0-9,]+ \\| [0-9.]+ \\|"
                + " [0-9,]+ \\| [0-9,]+ \\| [0-9.]+ \\| events/s \\|");
        assertThat(report).containsPattern("\\| latency p50, one event at a time \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|"
                + " [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| µs \\|");
        assertThat(report).containsPattern("\\| start-up to first result \\(median\\) \\| [0-9.]+ \\| [0-9.]+ \\|"
                + " [0-9.]+ \\| [0-9.]+ \\|");
        assertThat(report).containsPattern("\\| idle worker RSS \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        // quick runs skip gRPC with 2 children and gRPC's CPU row: loop, echo and their ratio
        assertThat(report).containsPattern("\\| trivial events/s, 2 workers \\| [0-9,]+ \\| [0-9,]+ \\| [0-9.]+ \\|");
        assertThat(report).containsPattern("\\| CPU speed-up \\(vs serial\\) ÷ machine capacity \\| [0-9.]+ \\|"
                + " [0-9.]+ \\| [0-9.]+ \\|");
        // JSON echo, Smile echo, their ratio
        assertThat(report).containsPattern("\\| latency p50, one event at a time \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| µs \\|");
        assertThat(report).contains("quick: the distributed section is skipped");
        for (String measure : SideBySide.localMeasures()) {
            assertThat(report).contains("| " + measure + " |");
        }
    }
}
