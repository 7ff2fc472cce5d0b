package io.github.mpeventloop.sample.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateIsTheGrowthOverTheReadingsKeptInTheWindow() {
        Throughput throughput = new Throughput(5 * SECOND);
        assertThat(throughput.record(0, 100)).isZero();
        assertThat(throughput.record(2 * SECOND, 120)).isCloseTo(10, within(1e-9));
        assertThat(throughput.record(4 * SECOND, 180)).isCloseTo(20, within(1e-9));
        // The readings at 0 s and 2 s fall out of the 5 s window: the rate is over 4 s .. 8 s.
        assertThat(throughput.record(8 * SECOND, 200)).isCloseTo(5, within(1e-9));
        assertThat(throughput.record(20 * SECOND, 200)).isZero();
    }
}
