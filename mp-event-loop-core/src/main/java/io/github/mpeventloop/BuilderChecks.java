package io.github.mpeventloop;

import java.time.Duration;

/** The range checks of {@link EventLoopBuilder}'s settings, each failing with the setting's name. */
final class BuilderChecks {

    private BuilderChecks() {
    }

    static int atLeast(int value, int minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String what) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }
}
