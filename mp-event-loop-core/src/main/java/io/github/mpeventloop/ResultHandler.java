package io.github.mpeventloop;

import java.util.function.Consumer;

/**
 * An output handler: called on the loop's consumer thread with each finished event, in the order
 * handlers were registered. Returning {@code true} stops propagation to the handlers after it (the
 * seed's truthy return). A handler that throws is logged and the next handlers and events go on.
 * Beware that {@code r -> list.add(r.value())} returns {@code true}; wrap such a lambda in
 * {@link #of(Consumer)}.
 */
@FunctionalInterface
public interface ResultHandler {

    /**
     * Handles one result.
     *
     * @return {@code true} to stop the handlers after this one from seeing the result
     */
    boolean handle(EventResult<?> result) throws Exception;

    /** A handler that passes every result on to the next handler. */
    static ResultHandler of(Consumer<? super EventResult<?>> consumer) {
        return result -> {
            consumer.accept(result);
            return false;
        };
    }
}
