package io.github.mpeventloop.autoconfigure.worker;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.EventLoopCustomizer;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.autoconfigure.MpEventLoopProperties;
import io.github.mpeventloop.spring.EventLoopLifecycle;
import io.github.mpeventloop.spring.worker.ConditionalOnNotWorker;
import io.github.mpeventloop.spring.worker.InWorkerBeanPostProcessor;
import io.github.mpeventloop.spring.worker.WorkerBeanDirectory;
import io.github.mpeventloop.spring.worker.WorkerBeansVerifier;
import io.github.mpeventloop.spring.worker.WorkerContextLaunch;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of beans
 * in workers, in the application (never in a worker's own context): the
 * {@link io.github.mpeventloop.spring.worker.InWorker @InWorker} proxies and their start-up check,
 * and, with {@code mp.event-loop.worker.context.enabled=true}, the worker JVM options that make each
 * worker start a Spring context ({@link io.github.mpeventloop.spring.worker.SpringWorkerBootstrap})
 * and the directory that refuses at submission a bean the workers lack.
 */
@AutoConfiguration(after = MpEventLoopAutoConfiguration.class)
@ConditionalOnClass(EventLoop.class)
@ConditionalOnBooleanProperty(name = "mp.event-loop.enabled", matchIfMissing = true)
@ConditionalOnNotWorker
@EnableConfigurationProperties(WorkerContextProperties.class)
public final class MpEventLoopWorkerBeansAutoConfiguration {

    @Bean
    static InWorkerBeanPostProcessor mpEventLoopInWorkerBeanPostProcessor() {
        return new InWorkerBeanPostProcessor();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "mp.event-loop.worker.context.enabled")
    WorkerBeanDirectory mpEventLoopWorkerBeanDirectory(WorkerContextProperties properties,
            ApplicationContext context) {
        return new WorkerBeanDirectory(source(properties, context).getName());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "mp.event-loop.worker.context.enabled")
    EventLoopCustomizer mpEventLoopWorkerContextCustomizer(WorkerContextProperties properties,
            ApplicationContext context, Environment environment, WorkerBeanDirectory directory) {
        return builder -> {
            List<String> options = WorkerContextLaunch.jvmOptions(source(properties, context), environment);
            builder.jvmOptions(options.toArray(String[]::new));
            builder.beanDirectory(directory);
        };
    }

    @Bean
    WorkerBeansVerifier mpEventLoopWorkerBeansVerifier(ObjectProvider<EventLoop> loops,
            ObjectProvider<WorkerBeanDirectory> directory, InWorkerBeanPostProcessor processor,
            ObjectProvider<EventLoopLifecycle> lifecycle, ObjectProvider<MpEventLoopProperties> properties) {
        EventLoopLifecycle loopLifecycle = lifecycle.getIfUnique();
        int phase = (loopLifecycle != null ? loopLifecycle.getPhase() : EventLoopLifecycle.DEFAULT_PHASE) + 1;
        MpEventLoopProperties loopProperties = properties.getIfAvailable();
        Duration wait = loopProperties != null ? loopProperties.getWorker().getStartTimeout() : Duration.ofSeconds(30);
        return new WorkerBeansVerifier(loops.getIfUnique(), directory.getIfAvailable(), processor, wait, phase);
    }

    /** The worker context's configuration: the one named, else the application's {@code @SpringBootConfiguration}. */
    private static Class<?> source(WorkerContextProperties properties, ApplicationContext context) {
        Class<?> configured = properties.getConfiguration();
        if (configured != null) {
            return configured;
        }
        String[] names = context.getBeanNamesForAnnotation(SpringBootConfiguration.class);
        if (names.length != 1) {
            throw new IllegalStateException("mp.event-loop.worker.context.enabled=true needs the configuration class "
                    + "the worker contexts start from: the application has " + names.length
                    + " @SpringBootConfiguration classes, so name one with mp.event-loop.worker.context.configuration");
        }
        Class<?> type = context.getType(names[0], false);
        if (type == null) {
            throw new IllegalStateException("the type of the @SpringBootConfiguration bean '" + names[0] + "' is not "
                    + "known; name the worker contexts' configuration with mp.event-loop.worker.context.configuration");
        }
        return ClassUtils.getUserClass(type);
    }
}
