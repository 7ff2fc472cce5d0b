package io.github.mpeventloop.autoconfigure.metrics;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.autoconfigure.MpEventLoopProperties;
import io.github.mpeventloop.spring.metrics.EventLoopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * Micrometer meters of the application's {@link EventLoop} ({@code mp.event.loop.*}), when
 * Micrometer is on the class path and a {@link MeterRegistry} bean exists.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ EventLoop.class, MeterBinder.class })
@ConditionalOnBean({ EventLoop.class, MeterRegistry.class })
public final class MpEventLoopMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(EventLoop.class)
    EventLoopMetrics mpEventLoopMetrics(EventLoop eventLoop, ObjectProvider<MpEventLoopProperties> properties) {
        MpEventLoopProperties configured = properties.getIfAvailable();
        int workers = (configured != null) ? configured.getWorkers() : eventLoop.workers().size();
        return new EventLoopMetrics(eventLoop, workers, List.of());
    }

    @Bean
    static LazyInitializationExcludeFilter mpEventLoopMetricsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(EventLoopMetrics.class);
    }
}
