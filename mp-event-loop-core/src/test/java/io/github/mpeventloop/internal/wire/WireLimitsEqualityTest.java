package io.github.mpeventloop.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link WireLimits} writes its {@code equals} and {@code hashCode} out (a worker compares the limits
 * of its welcome at start): two limits are equal exactly when every limit is, and equal limits hash
 * alike. Values come from small ranges, so that equal and nearly equal pairs are frequent.
 */
class WireLimitsEqualityTest {

    @Property(tries = 500)
    void equalExactlyWhenEveryLimitIs(@ForAll("limits") WireLimits first, @ForAll("limits") WireLimits second) {
        boolean same = first.maxFrameBytes() == second.maxFrameBytes()
                && first.maxNestingDepth() == second.maxNestingDepth()
                && first.maxNumberLength() == second.maxNumberLength()
                && first.maxStringLength() == second.maxStringLength();
        assertThat(first.equals(second)).isEqualTo(same);
        assertThat(second.equals(first)).isEqualTo(same);
        if (same) {
            assertThat(first.hashCode()).isEqualTo(second.hashCode());
        }
    }

    @Property(tries = 50)
    void neverEqualToNullOrAnotherType(@ForAll("limits") WireLimits limits) {
        assertThat(limits.equals(null)).isFalse();
        assertThat(limits.equals(limits.toString())).isFalse();
        assertThat(limits.equals(new WireLimits(limits.maxFrameBytes(), limits.maxNestingDepth(),
                limits.maxNumberLength(), limits.maxStringLength()))).isTrue();
    }

    @Provide
    Arbitrary<WireLimits> limits() {
        Arbitrary<Integer> small = Arbitraries.integers().between(1, 3);
        return Combinators.combine(small, small, small, small).as(WireLimits::new);
    }
}
