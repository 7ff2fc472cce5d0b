package io.github.mpeventloop.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Targets and value types for the exact-round-trip tests; each target runs in a worker. */
public final class Values {

    private Values() {
    }

    /** A colour, to carry an enum. */
    public enum Color { RED, GREEN, BLUE }

    /** A record of every kind of value the tests carry. */
    public record Sample(String text, double number, float small, long big, BigDecimal amount, BigInteger count,
            Instant at, Duration took, UUID id, Color color, Optional<String> note, List<Integer> values,
            Map<String, Long> counts, List<Optional<BigDecimal>> amounts) {
    }

    /** A linked-list node. */
    public static final class Node {
        public int value;
        public Node next;

        public Node() {
        }

        public Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    /** A class whose constructor parameters are not named after its fields: a worker cannot rebuild it. */
    public static final class Misnamed {
        private final int width;

        public Misnamed(int w) {
            this.width = w;
        }

        public int width() {
            return width;
        }
    }

    /** How a value looks, exactly (scale, bits, code units), computed alike in the worker and here. */
    public static String exactly(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.unscaledValue() + "e-" + decimal.scale();
        }
        if (value instanceof Double number) {
            return Long.toHexString(Double.doubleToRawLongBits(number));
        }
        if (value instanceof Float number) {
            return Integer.toHexString(Float.floatToRawIntBits(number));
        }
        if (value instanceof String text) {
            return text.chars().mapToObj(Integer::toHexString).collect(Collectors.joining(","));
        }
        if (value instanceof Sample sample) {
            return sample + "|" + exactly(sample.text()) + "|" + exactly(sample.number()) + "|" + exactly(sample.small())
                    + "|" + exactly(sample.amount()) + "|" + sample.amounts().stream()
                            .map(amount -> amount.map(Values::exactly).orElse("-")).collect(Collectors.joining(","));
        }
        if (value instanceof int[] ints) {
            return Arrays.toString(ints);
        }
        if (value instanceof String[] texts) {
            return Arrays.stream(texts).map(Values::exactly).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    public static String decimal(BigDecimal value) {
        return exactly(value);
    }

    public static BigDecimal echoDecimal(BigDecimal value) {
        return value;
    }

    public static String integer(BigInteger value) {
        return exactly(value);
    }

    public static BigInteger echoInteger(BigInteger value) {
        return value;
    }

    public static String text(String value) {
        return exactly(value);
    }

    public static String echoText(String value) {
        return value;
    }

    public static String number(double value) {
        return exactly(value);
    }

    public static double echoNumber(double value) {
        return value;
    }

    public static String sample(Sample value) {
        return exactly(value);
    }

    public static Sample echoSample(Sample value) {
        return value;
    }

    public static String ints(int[] value) {
        return exactly(value);
    }

    public static int[] echoInts(int[] value) {
        return value;
    }

    public static String texts(String[] value) {
        return exactly(value);
    }

    public static String[] echoTexts(String[] value) {
        return value;
    }

    /** How deep a list goes. */
    public static int length(Node node) {
        int length = 0;
        for (Node current = node; current != null; current = current.next) {
            length++;
        }
        return length;
    }

    /** Returns a list as deep as asked. */
    public static Node chain(int length) {
        Node head = null;
        for (int i = length; i > 0; i--) {
            head = new Node(i, head);
        }
        return head;
    }

    /** Returns a list that loops back to its head. */
    public static Node loop() {
        Node head = new Node(1, null);
        head.next = new Node(2, head);
        return head;
    }

    public static int width(Misnamed value) {
        return value.width();
    }

    /** Returns something no worker can write. */
    public static Object nothingToWrite() {
        return new Object();
    }

    /** Returns a string over a 64 KiB frame. */
    public static String huge() {
        return "x".repeat(100_000);
    }

    /** Throws with a cause and a suppressed exception. */
    public static int failWithSuppressed() {
        IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        failure.addSuppressed(new UnsupportedOperationException("while closing"));
        throw failure;
    }

    /** Takes an {@code int}: called through a {@code Call1<Short, String>} javac widens the short. */
    public static String widened(int value) {
        return "int " + value;
    }

    /** Takes a {@code double}. */
    public static String asDouble(double value) {
        return "double " + value;
    }
}
