package io.github.mpeventloop.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * The one set of limits both ends of a channel write and read by, so that nothing a writer accepts
 * is refused by its reader: the frame size, how deeply values may nest, and how long a number or a
 * string may be. The parent checks them when it encodes an event ({@code addEvent}), the worker when
 * it writes a result; the parent hands them to the worker in its {@code welcome}.
 *
 * @param maxFrameBytes largest frame body, in bytes
 * @param maxNestingDepth deepest nesting of JSON objects and arrays in a frame, the frame's own two
 *     levels included
 * @param maxNumberLength longest number, in characters (digits, sign, point and exponent), as a
 *     {@code BigInteger} or {@code BigDecimal} writes it
 * @param maxStringLength longest string or member name, in characters; a string cannot be longer
 *     than its frame in any case
 */
public record WireLimits(int maxFrameBytes, int maxNestingDepth, int maxNumberLength, int maxStringLength) {

    /** 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;
    /** Lets a 10,000-deep acyclic linked list through, with room to spare. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 20_000;
    /** Far above any {@code long} or {@code double}; a {@code BigInteger} of 100,000 digits parses in milliseconds. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100_000;
    /** As long as a frame allows. */
    public static final int DEFAULT_MAX_STRING_LENGTH = DEFAULT_MAX_FRAME_BYTES;

    /** The defaults. */
    public static final WireLimits DEFAULTS = new WireLimits(DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_NESTING_DEPTH,
            DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_STRING_LENGTH);

    /** Checks that each limit is positive. */
    public WireLimits {
        positive("maxFrameBytes", maxFrameBytes);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxNumberLength", maxNumberLength);
        positive("maxStringLength", maxStringLength);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** These limits with another frame size. */
    public WireLimits withMaxFrameBytes(int bytes) {
        return new WireLimits(bytes, maxNestingDepth, maxNumberLength, maxStringLength);
    }

    /**
     * Whether {@code other} holds the same limits. Written out rather than left to the record: a
     * record's generated {@code equals} is linked through method handles the first time it runs,
     * which costs a worker JVM on JDK 17 about fifteen classes spun at run time when it compares the
     * limits of its welcome, on its way to its first result.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WireLimits limits && maxFrameBytes == limits.maxFrameBytes
                && maxNestingDepth == limits.maxNestingDepth && maxNumberLength == limits.maxNumberLength
                && maxStringLength == limits.maxStringLength;
    }

    @Override
    public int hashCode() {
        return ((maxFrameBytes * 31 + maxNestingDepth) * 31 + maxNumberLength) * 31 + maxStringLength;
    }

    /** Whether strings must be checked as they are written: only when the frame would let a longer one through. */
    boolean checksStrings() {
        return maxStringLength < maxFrameBytes;
    }
}
