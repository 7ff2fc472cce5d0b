package io.github.mpeventloop.autoconfigure.worker;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Spring context each worker JVM may start, under
 * {@code mp.event-loop.worker.context}.
 */
@ConfigurationProperties("mp.event-loop.worker.context")
public class WorkerContextProperties {

    /**
     * Whether each worker JVM starts a Spring application context of its own, whose beans bean targets and @InWorker methods run on.
     */
    private boolean enabled;

    /**
     * Configuration class the worker contexts start from; when not set, the application's own @SpringBootApplication class.
     */
    private @Nullable Class<?> configuration;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable Class<?> getConfiguration() {
        return this.configuration;
    }

    public void setConfiguration(@Nullable Class<?> configuration) {
        this.configuration = configuration;
    }
}
