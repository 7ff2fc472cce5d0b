package io.github.mpeventloop.internal.wire;

/**
 * A value is over one of the {@link WireLimits}: thrown while it is written, so that it is refused
 * by its writer, never by its reader. The message names the limit and how to raise it.
 */
public final class ValueLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which limit, with the builder method and the Spring property that set it. */
    public enum Limit {
        NESTING_DEPTH("levels of nesting", "maxNestingDepth", "mp.event-loop.frame.max-nesting-depth"),
        NUMBER_LENGTH("characters in a number", "maxNumberLength", "mp.event-loop.frame.max-number-length"),
        STRING_LENGTH("characters in a string", "maxStringLength", "mp.event-loop.frame.max-string-length");

        private final String unit;
        private final String builderMethod;
        private final String property;

        Limit(String unit, String builderMethod, String property) {
            this.unit = unit;
            this.builderMethod = builderMethod;
            this.property = property;
        }

        /** How to raise it, in a message: {@code EventLoopBuilder.maxNumberLength or mp.event-loop....}. */
        public String howToRaise() {
            return "raise it with EventLoopBuilder." + builderMethod + "(...) or the property " + property;
        }
    }

    private final Limit limit;

    public ValueLimitException(Limit limit, int max, long reached) {
        super((limit == Limit.NESTING_DEPTH ? "more than " + max : reached + "") + " " + limit.unit
                + " is over the limit of " + max + " (" + limit.howToRaise() + ")");
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
