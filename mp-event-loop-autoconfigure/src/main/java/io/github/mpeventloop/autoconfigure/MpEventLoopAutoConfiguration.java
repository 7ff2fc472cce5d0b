package io.github.mpeventloop.autoconfigure;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.spring.EventLoopLifecycle;
import io.github.mpeventloop.spring.OutputHandlerRegistrar;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of an
 * {@link EventLoop} from the {@code mp.event-loop.*} properties (through the {@link EventLoopBuilder}
 * bean, which also makes any further loop the application declares), with a lifecycle for every
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

    private static final Logger LOG = LoggerFactory.getLogger(MpEventLoopAutoConfiguration.class);
    private static final String SHUTDOWN_PHASE_TIMEOUT = "spring.lifecycle.timeout-per-shutdown-phase";

    @Bean
    @ConditionalOnMissingBean
    EventLoopBuilder mpEventLoopBuilder(MpEventLoopProperties properties,
            ObjectProvider<EventLoopCustomizer> customizers) {
        return new EventLoopBuilder(properties, customizers.orderedStream().toList());
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
        EventLoop eventLoop = beanFactory.getBean(loopBeanName, EventLoop.class);
        MpEventLoopProperties properties = beanFactory.getBean(MpEventLoopProperties.class);
        Environment environment = beanFactory.getBean(Environment.class);
        MpEventLoopProperties.Shutdown shutdown = properties.getShutdown();
        Duration phaseTimeout = Binder.get(environment).bind(SHUTDOWN_PHASE_TIMEOUT, Duration.class)
            .orElse(Duration.ofSeconds(30));
        if (shutdown.getDrainTimeout().plus(shutdown.getStopTimeout()).compareTo(phaseTimeout) >= 0) {
            LOG.warn("mp.event-loop.shutdown.drain-timeout ({}) plus stop-timeout ({}) is not below {} ({}): "
                    + "the context may stop waiting for event loop '{}' before it has drained",
                    shutdown.getDrainTimeout(), shutdown.getStopTimeout(), SHUTDOWN_PHASE_TIMEOUT, phaseTimeout,
                    eventLoop.name());
        }
        EventLoopLifecycle lifecycle = new EventLoopLifecycle(eventLoop, shutdown.getDrainTimeout());
        lifecycle.setAutoStartup(properties.isAutoStartup());
        return lifecycle;
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
