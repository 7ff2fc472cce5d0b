package io.github.mpeventloop.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.spring.EventLoopLifecycle;
import io.github.mpeventloop.spring.OutputHandlerRegistrar;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of an
 * {@link EventLoop} from the {@code mp.event-loop.*} properties (through an {@link EventLoopBuilder}
 * bean, from which an application also builds further loops), with a lifecycle for every
 * {@code EventLoop} bean and their output handlers ({@link io.github.mpeventloop.ResultHandler}
 * beans and {@link io.github.mpeventloop.spring.OutputHandler @OutputHandler} methods). Backs off
 * inside a worker JVM, when {@code mp.event-loop.enabled} is false, and (for the loop itself) when
 * the application defines its own {@code EventLoop} beans.
 */
@AutoConfiguration
@ConditionalOnClass(EventLoop.class)
@ConditionalOnBooleanProperty(name = "mp.event-loop.enabled", matchIfMissing = true)
@Conditional(OnParentProcessCondition.class)
@EnableConfigurationProperties(MpEventLoopProperties.class)
public final class MpEventLoopAutoConfiguration {

    /**
     * A new {@link EventLoopBuilder} for every injection point (like Spring Boot's
     * {@code RestClient.Builder}), with the {@code mp.event-loop.*} properties and the
     * {@link EventLoopCustomizer} beans applied: the auto-configured loop is built from one, and
     * an application declares further loops from others.
     */
    @Bean
    @Scope("prototype")
    @ConditionalOnMissingBean
    EventLoopBuilder mpEventLoopBuilder(MpEventLoopProperties properties,
            ObjectProvider<EventLoopCustomizer> customizers) {
        EventLoopBuilder builder = new EventLoopBuilderMapper(properties).applyTo(EventLoop.builder());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    EventLoop mpEventLoop(EventLoopBuilder mpEventLoopBuilder) {
        return mpEventLoopBuilder.build();
    }

    /** One {@link EventLoopLifecycle} per {@link EventLoop} bean, unless the application defines its own. */
    @Bean
    static EventLoopBeanRegistrar<EventLoopLifecycle> mpEventLoopLifecycleRegistrar() {
        return new EventLoopBeanRegistrar<>(EventLoopLifecycle.class, "Lifecycle",
                MpEventLoopAutoConfiguration::lifecycle);
    }

    private static EventLoopLifecycle lifecycle(BeanFactory beanFactory, String loopBeanName) {
        MpEventLoopProperties properties = beanFactory.getBean(MpEventLoopProperties.class);
        EventLoopLifecycle lifecycle = new EventLoopLifecycle(beanFactory.getBean(loopBeanName, EventLoop.class),
                properties.getShutdown().getDrainTimeout());
        lifecycle.setAutoStartup(properties.isAutoStartup());
        return lifecycle;
    }

    /** The loop's shutdown phase gets the time its drain and stop need; see {@link ShutdownPhaseTimeout}. */
    @Bean
    static ShutdownPhaseTimeout mpEventLoopShutdownPhaseTimeout(Environment environment) {
        return new ShutdownPhaseTimeout(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    static OutputHandlerRegistrar mpEventLoopOutputHandlerRegistrar() {
        return new OutputHandlerRegistrar();
    }

    /** Keeps the lifecycle and the output handler beans eager, so that lazy initialization loses no handler. */
    @Bean
    static LazyInitializationExcludeFilter mpEventLoopLazyInitializationExcludeFilter() {
        return (beanName, definition, beanType) -> EventLoopLifecycle.class.isAssignableFrom(beanType)
                || OutputHandlerRegistrar.isHandlerType(beanType);
    }
}
