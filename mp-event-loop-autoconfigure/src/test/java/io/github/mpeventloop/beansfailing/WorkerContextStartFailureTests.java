package io.github.mpeventloop.beansfailing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.github.mpeventloop.WorkerStartException;

/** A worker context that fails to start fails the application's start-up with the context's own error. */
class WorkerContextStartFailureTests {

    @Test
    void aMissingPropertyInTheWorkerContextFailsTheApplicationsStartUpWithItsMessage() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(FailingWorkerApplication.class)
            .web(WebApplicationType.NONE)
            .properties("mp.event-loop.name=failing", "mp.event-loop.workers=1",
                    "mp.event-loop.worker.context.enabled=true", "mp.event-loop.worker.start-timeout=600s");
        Throwable failure = catchThrowable(application::run);
        // The worker exits as soon as its context fails: start-up does not wait for the ten-minute start timeout.
        assertThat(failure).hasStackTraceContaining("exited before it connected");
        assertThat(startFailure(failure))
            .hasMessageContaining("failing-worker-")
            .hasMessageContaining("failed to start: the worker's Spring context (from "
                    + FailingWorkerApplication.class.getName() + ") failed to start")
            .hasMessageContaining("Could not resolve placeholder 'render.licence-key'");
    }

    private static WorkerStartException startFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WorkerStartException start) {
                return start;
            }
        }
        throw new AssertionError("no WorkerStartException in the causes of " + failure, failure);
    }

    @Test
    void aNamedWorkerConfigurationThatIsNotAClassFailsTheApplicationsStartUp() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(FailingWorkerApplication.class)
            .web(WebApplicationType.NONE)
            .properties("mp.event-loop.workers=1", "mp.event-loop.worker.context.enabled=true",
                    "mp.event-loop.worker.context.configuration=io.github.mpeventloop.beansfailing.NoSuchConfiguration");
        assertThatThrownBy(application::run)
            .hasStackTraceContaining("mp.event-loop.worker.context.configuration");
    }
}
