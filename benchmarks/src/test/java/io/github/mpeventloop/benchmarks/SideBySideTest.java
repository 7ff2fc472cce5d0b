package io.github.mpeventloop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Smoke test: the harness runs end to end with tiny sizes and prints every row. No timing is checked. */
class SideBySideTest {

    @Test
    void quickRunPrintsEveryRow() throws Exception {
        String table = SideBySide.run("--quick");

        for (String row : SideBySide.ROWS) {
            assertThat(table).contains("| " + row + " |");
        }
        assertThat(table).doesNotContain("not run");
    }
}
