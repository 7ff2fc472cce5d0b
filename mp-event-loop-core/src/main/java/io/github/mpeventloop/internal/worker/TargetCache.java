package io.github.mpeventloop.internal.worker;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.call.ResolvedTarget;

/**
 * The targets a worker has resolved, found again by the exact bytes of a call's {@code target}
 * member, so that a call to a known target reads no tree, builds no descriptor and hashes no
 * strings. A call's target is written the same way every time by the parent, so equal bytes mean
 * the same target; anything else is read the long way and added. Bounded: when full it starts
 * again empty (a worker calls few distinct targets; one that calls many only pays the long way).
 * Written by hand because the look-up is by a range of the frame's bytes, without copying them;
 * no map in the JDK or in our libraries looks up by an array range. Event thread only; not
 * thread-safe.
 */
final class TargetCache {

    static final int MAX_TARGETS = 1024;

    private final Map<Span, ResolvedTarget> targets = new HashMap<>();

    /** The target whose bytes are {@code frame[from, to)}, if it was resolved before. */
    @Nullable ResolvedTarget find(byte[] frame, int from, int to) {
        return targets.get(new Span(frame, from, to));
    }

    /** Remembers {@code target} under a copy of {@code frame[from, to)}. */
    void put(byte[] frame, int from, int to, ResolvedTarget target) {
        if (targets.size() >= MAX_TARGETS) {
            targets.clear();
        }
        targets.put(new Span(Arrays.copyOfRange(frame, from, to), 0, to - from), target);
    }

    int size() {
        return targets.size();
    }

    /** A range of bytes, equal to another with the same bytes wherever each lies. */
    private static final class Span {
        private final byte[] bytes;
        private final int from;
        private final int to;
        private final int hash;

        Span(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Span span && hash == span.hash
                    && Arrays.equals(bytes, from, to, span.bytes, span.from, span.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
