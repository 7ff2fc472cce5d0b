package io.github.mpeventloop.spring.worker;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.ClassUtils;

import io.github.mpeventloop.spi.bootstrap.WorkerBeans;
import io.github.mpeventloop.spi.bootstrap.WorkerBootstrap;

/**
 * Starts the Spring application context of a worker JVM, once, before the worker connects: a
 * non-web {@link SpringApplication} from the class named by the system property
 * {@value #SOURCE_PROPERTY}, which the application sets on its workers when
 * {@code mp.event-loop.worker.context.enabled=true}. The application's profiles and configuration
 * locations reach the worker as system properties, so {@code application.yml} and profiles apply as
 * in the application. The event loop's auto-configuration backs off in this context, as in any
 * worker. Found by {@link java.util.ServiceLoader} (see {@link WorkerBootstrap}).
 *
 * <p>A context that fails to start fails the worker's start with the context's own error message.
 */
public final class SpringWorkerBootstrap implements WorkerBootstrap {

    /** System property naming the configuration class a worker's context starts from. */
    public static final String SOURCE_PROPERTY = "mp.event-loop.worker.context.source";

    private static volatile @Nullable ConfigurableApplicationContext context;

    /** Made by {@link java.util.ServiceLoader}. */
    public SpringWorkerBootstrap() {
    }

    @Override
    public Optional<WorkerBeans> start() {
        String source = System.getProperty(SOURCE_PROPERTY);
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        Class<?> type;
        try {
            type = ClassUtils.forName(source, SpringWorkerBootstrap.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the worker's Spring context cannot start: its configuration class "
                    + source + " is not on the worker's class path", e);
        }
        SpringApplication application = new SpringApplication(type);
        application.setMainApplicationClass(type);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext started;
        try {
            started = application.run();
        } catch (RuntimeException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            throw new IllegalStateException("the worker's Spring context (from " + type.getName()
                    + ") failed to start: " + cause.getMessage(), e);
        }
        context = started;
        return Optional.of(new ContextBeans(started, type.getName()));
    }

    /** The context this worker JVM started, or {@code null} outside a worker or when none was asked for. */
    static @Nullable ConfigurableApplicationContext context() {
        return context;
    }
}
