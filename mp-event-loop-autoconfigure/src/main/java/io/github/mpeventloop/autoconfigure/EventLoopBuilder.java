package io.github.mpeventloop.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.util.Assert;

import io.github.mpeventloop.EventLoop;

/**
 * Makes {@link EventLoop}s configured as the auto-configured one is: the {@code mp.event-loop.*}
 * properties, then the {@link EventLoopCustomizer} beans, in order. The auto-configuration
 * provides it as a bean (like Spring Boot's {@code ThreadPoolTaskExecutorBuilder}), so that an
 * application declares a second loop in a few lines:
 *
 * <pre>{@code
 * @Bean
 * @Primary
 * EventLoop mainLoop(EventLoopBuilder loops) {
 *     return loops.build();
 * }
 *
 * @Bean
 * EventLoop imagesLoop(EventLoopBuilder loops) {
 *     return loops.build(builder -> builder.name("images").workers(4));
 * }
 * }</pre>
 *
 * Declaring any {@code EventLoop} bean replaces the auto-configured one, so declare each loop
 * the application wants. Every loop bean starts and stops with the context, and has its meters,
 * health and output handlers ({@link io.github.mpeventloop.spring.OutputHandler#loop()}).
 */
public final class EventLoopBuilder {

    private final MpEventLoopProperties properties;
    private final List<EventLoopCustomizer> customizers;

    /**
     * Creates a builder of loops.
     *
     * @param properties the properties every loop starts from
     * @param customizers applied after the properties, in this order
     */
    public EventLoopBuilder(MpEventLoopProperties properties, List<EventLoopCustomizer> customizers) {
        Assert.notNull(properties, "'properties' must not be null");
        this.properties = properties;
        this.customizers = List.copyOf(customizers);
    }

    /** A new core builder with the properties and customizers applied, to be finished by the caller. */
    public EventLoop.Builder builder() {
        EventLoop.Builder builder = new EventLoopBuilderMapper(this.properties).applyTo(EventLoop.builder());
        this.customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** A loop as configured: {@link #builder()}, built. */
    public EventLoop build() {
        return builder().build();
    }

    /**
     * A loop as configured, then changed by {@code changes} (its name, number of workers, ...).
     *
     * @param changes applied last
     * @return the loop, not started: its lifecycle starts it if it is a bean
     */
    public EventLoop build(Consumer<EventLoop.Builder> changes) {
        EventLoop.Builder builder = builder();
        changes.accept(builder);
        return builder.build();
    }
}
