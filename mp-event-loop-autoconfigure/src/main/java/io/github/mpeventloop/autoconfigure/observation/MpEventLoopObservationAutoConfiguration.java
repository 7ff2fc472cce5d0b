package io.github.mpeventloop.autoconfigure.observation;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.EventLoopBeanRegistrar;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.spring.observation.EventLoopObservations;
import io.micrometer.observation.ObservationRegistry;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * Micrometer Observations of every {@link EventLoop} bean's events (and so, with Micrometer
 * Tracing, of their spans and of the trace context in the workers' MDC), when an
 * {@link ObservationRegistry} bean exists. Without one, no listener is added and nothing is
 * observed. Backs off when the application defines an {@code EventLoopObservations} bean itself.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ EventLoop.class, ObservationRegistry.class })
@ConditionalOnBean({ EventLoop.class, ObservationRegistry.class })
public final class MpEventLoopObservationAutoConfiguration {

    @Bean
    static EventLoopBeanRegistrar<EventLoopObservations> mpEventLoopObservationsRegistrar() {
        return new EventLoopBeanRegistrar<>(EventLoopObservations.class, "Observations",
                MpEventLoopObservationAutoConfiguration::observations);
    }

    private static EventLoopObservations observations(BeanFactory beanFactory, String loopBeanName) {
        EventLoop loop = beanFactory.getBean(loopBeanName, EventLoop.class);
        EventLoopObservations observations = new EventLoopObservations(loop,
                beanFactory.getBean(ObservationRegistry.class));
        loop.addListener(observations);
        return observations;
    }

    @Bean
    static LazyInitializationExcludeFilter mpEventLoopObservationsLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(EventLoopObservations.class);
    }
}
