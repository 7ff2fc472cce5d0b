package io.github.mpeventloop.autoconfigure;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;

/**
 * Callback that customizes the {@link EventLoopBuilder} of the auto-configured loop after the
 * {@code mp.event-loop.*} properties were applied; for what has no property, such as
 * {@link EventLoopBuilder#register named targets}, a worker main class or a handler executor.
 * Customizers run in {@link org.springframework.core.annotation.Order @Order} order.
 */
@FunctionalInterface
public interface EventLoopCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder of the loop, with the properties applied
     */
    void customize(EventLoopBuilder builder);
}
