package io.github.mpeventloop.autoconfigure.metrics;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.EventLoopBeanRegistrar;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.spring.metrics.EventLoopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * Micrometer meters ({@code mp.event.loop.*}, tag {@code name}) of every {@link EventLoop} bean,
 * one {@link EventLoopMetrics} bean each, when Micrometer is on the class path and a
 * {@link MeterRegistry} bean exists. Backs off when the application defines an
 * {@code EventLoopMetrics} bean itself.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ EventLoop.class, MeterBinder.class })
@ConditionalOnBean({ EventLoop.class, MeterRegistry.class })
public final class MpEventLoopMetricsAutoConfiguration {

    @Bean
    static EventLoopBeanRegistrar<EventLoopMetrics> mpEventLoopMetricsRegistrar() {
        return new EventLoopBeanRegistrar<>(EventLoopMetrics.class, "Metrics",
                MpEventLoopMetricsAutoConfiguration::metrics);
    }

    private static EventLoopMetrics metrics(BeanFactory beanFactory, String loopBeanName) {
        return new EventLoopMetrics(beanFactory.getBean(loopBeanName, EventLoop.class), List.of());
    }

    @Bean
    static LazyInitializationExcludeFilter mpEventLoopMetricsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(EventLoopMetrics.class);
    }
}
