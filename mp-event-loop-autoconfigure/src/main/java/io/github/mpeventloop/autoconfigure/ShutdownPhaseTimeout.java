package io.github.mpeventloop.autoconfigure;

import java.time.Duration;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.env.Environment;

import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.spring.EventLoopLifecycle;

/**
 * Gives the event loop's shutdown phase the time its drain and stop need. Spring bounds every
 * shutdown phase by {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s by default) and then
 * moves on, which would cut a longer {@code mp.event-loop.shutdown.drain-timeout} short and stop the
 * loop with work still queued. So the application's {@link DefaultLifecycleProcessor} is told to
 * wait, for the loop's phase only, the drain timeout plus the stop timeout plus a margin for the
 * workers' goodbye. An application with a lifecycle processor of its own kind, which cannot be
 * told, fails at start-up with a message naming both properties, unless the phase timeout is
 * enough already.
 */
final class ShutdownPhaseTimeout implements BeanPostProcessor {

    static final String PHASE_TIMEOUT = "spring.lifecycle.timeout-per-shutdown-phase";
    static final String DRAIN_TIMEOUT = "mp.event-loop.shutdown.drain-timeout";
    static final String STOP_TIMEOUT = "mp.event-loop.shutdown.stop-timeout";
    /** Time beyond drain and stop for the workers' goodbye and the readers' end. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    private final Environment environment;

    ShutdownPhaseTimeout(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof LifecycleProcessor)) {
            return bean;
        }
        Binder binder = Binder.get(this.environment);
        Duration drain = binder.bind(DRAIN_TIMEOUT, Duration.class).orElse(MpEventLoopProperties.Shutdown.DEFAULT_DRAIN);
        Duration stop = binder.bind(STOP_TIMEOUT, Duration.class).orElse(EventLoopBuilder.DEFAULT_STOP_TIMEOUT);
        Duration phase = binder.bind(PHASE_TIMEOUT, Duration.class).orElse(Duration.ofSeconds(30));
        Duration needed = drain.plus(stop).plus(MARGIN);
        if (needed.compareTo(phase) <= 0) {
            return bean;
        }
        if (bean instanceof DefaultLifecycleProcessor processor) {
            processor.setTimeoutForShutdownPhase(EventLoopLifecycle.DEFAULT_PHASE, needed.toMillis());
            return bean;
        }
        throw new IllegalStateException(DRAIN_TIMEOUT + " (" + drain + ") plus " + STOP_TIMEOUT + " (" + stop
                + ") and a margin of " + MARGIN + " need " + needed + " of shutdown, but " + PHASE_TIMEOUT + " is "
                + phase + " and the application's lifecycle processor (" + bean.getClass().getName()
                + ") cannot be given more for the event loop's phase alone: raise " + PHASE_TIMEOUT + " to at least "
                + needed + " or lower " + DRAIN_TIMEOUT);
    }
}
