package io.github.mpeventloop.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.github.mpeventloop.internal.call.ResolvedTarget;
import io.github.mpeventloop.internal.call.TargetDescriptor;
import io.github.mpeventloop.internal.call.TargetResolver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The worker's cache of resolved targets, looked up by a range of a frame's bytes. */
class TargetCacheTest {

    private static final ResolvedTarget TWICE = new TargetResolver(TargetCacheTest.class.getClassLoader())
            .resolve(new TargetDescriptor(TargetDescriptor.Kind.STATIC, TargetCacheTest.class.getName(), "twice",
                    "(I)I"));

    static int twice(int value) {
        return 2 * value;
    }

    @Property
    void aTargetIsFoundByEqualBytesWhereverTheyLieAndNotByOtherBytes(@ForAll @StringLength(min = 1, max = 60) String target,
            @ForAll @StringLength(max = 20) String before, @ForAll @StringLength(max = 20) String after,
            @ForAll @StringLength(min = 1, max = 60) String other) {
        TargetCache cache = new TargetCache();
        byte[] first = (before + target + after).getBytes(StandardCharsets.UTF_8);
        int from = before.getBytes(StandardCharsets.UTF_8).length;
        int to = from + target.getBytes(StandardCharsets.UTF_8).length;
        assertThat(cache.find(first, from, to)).isNull();
        cache.put(first, from, to, TWICE);
        first[from] ^= 1;
        byte[] second = (after + target).getBytes(StandardCharsets.UTF_8);
        int secondFrom = after.getBytes(StandardCharsets.UTF_8).length;
        assertThat(cache.find(second, secondFrom, second.length)).as("stored as a copy, found elsewhere").isSameAs(TWICE);
        byte[] otherBytes = other.getBytes(StandardCharsets.UTF_8);
        if (!other.equals(target)) {
            assertThat(cache.find(otherBytes, 0, otherBytes.length)).isNull();
        }
    }

    @Property(tries = 5)
    void theCacheStaysBounded(@ForAll @StringLength(min = 1, max = 8) String prefix) {
        TargetCache cache = new TargetCache();
        for (int i = 0; i <= TargetCache.MAX_TARGETS * 2; i++) {
            byte[] bytes = (prefix + i).getBytes(StandardCharsets.UTF_8);
            cache.put(bytes, 0, bytes.length, TWICE);
            assertThat(cache.size()).isBetween(1, TargetCache.MAX_TARGETS);
        }
    }
}
