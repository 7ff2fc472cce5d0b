package io.github.mpeventloop.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PrimesTest {

    @Test
    void countsThePrimesUpToTheLimit() {
        assertThat(Primes.count(1)).extracting(PrimeReport::count, PrimeReport::largest).containsExactly(0, 0);
        assertThat(Primes.count(2)).extracting(PrimeReport::count, PrimeReport::largest).containsExactly(1, 2);
        assertThat(Primes.count(100)).extracting(PrimeReport::count, PrimeReport::largest).containsExactly(25, 97);
        assertThat(Primes.count(100_000)).extracting(PrimeReport::count, PrimeReport::largest)
            .containsExactly(9592, 99991);
    }

    @Test
    void refusesLimitsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Primes.count(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> Primes.count(Primes.MAX_LIMIT + 1));
    }
}
