package io.github.mpeventloop.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TargetDescriptor} writes its {@code equals} and {@code hashCode} out (it keys the worker's
 * cache of resolved targets): two descriptors are equal exactly when kind, class, method and
 * descriptor all are, and equal descriptors hash alike. Parts come from small pools, so that equal
 * and nearly equal pairs are frequent.
 */
class TargetDescriptorEqualityTest {

    @Property(tries = 500)
    void equalExactlyWhenEveryPartIs(@ForAll("targets") TargetDescriptor first,
            @ForAll("targets") TargetDescriptor second) {
        boolean same = first.kind() == second.kind() && first.className().equals(second.className())
                && first.methodName().equals(second.methodName()) && first.descriptor().equals(second.descriptor());
        assertThat(first.equals(second)).isEqualTo(same);
        assertThat(second.equals(first)).isEqualTo(same);
        if (same) {
            assertThat(first.hashCode()).isEqualTo(second.hashCode());
        }
    }

    @Property(tries = 50)
    void neverEqualToNullOrAnotherType(@ForAll("targets") TargetDescriptor target) {
        assertThat(target.equals(null)).isFalse();
        assertThat(target.equals(target.toString())).isFalse();
        assertThat(target.equals(new TargetDescriptor(target.kind(), new String(target.className()),
                new String(target.methodName()), new String(target.descriptor())))).isTrue();
    }

    @Provide
    Arbitrary<TargetDescriptor> targets() {
        return Combinators.combine(Arbitraries.of(TargetDescriptor.Kind.class), Arbitraries.of("a.A", "a.B"),
                Arbitraries.of("run", "apply"), Arbitraries.of("()V", "(I)I")).as(TargetDescriptor::new);
    }
}
