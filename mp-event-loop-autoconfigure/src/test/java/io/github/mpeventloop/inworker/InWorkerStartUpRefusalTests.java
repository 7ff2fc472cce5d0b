package io.github.mpeventloop.inworker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.github.mpeventloop.inworker.badreturn.BadReturnApplication;
import io.github.mpeventloop.inworker.misplaced.MisplacedApplication;

/** What an @InWorker method cannot do is refused when the application starts, naming the bean and the fix. */
class InWorkerStartUpRefusalTests {

    @Test
    void anInWorkerBeanKeptOutOfTheWorkersContextFailsStartUpNamingTheBean() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MisplacedApplication.class)
            .web(WebApplicationType.NONE)
            .properties("mp.event-loop.name=misplaced", "mp.event-loop.workers=1",
                    "mp.event-loop.worker.context.enabled=true", "mp.event-loop.worker.start-timeout=300s");
        assertThatThrownBy(application::run)
            .hasStackTraceContaining("@InWorker method ParentOnlyRenderer.render of bean "
                    + "'misplacedApplication.ParentOnlyRenderer'")
            .hasStackTraceContaining("no bean 'misplacedApplication.ParentOnlyRenderer' of type "
                    + MisplacedApplication.ParentOnlyRenderer.class.getName() + " in the workers' Spring context")
            .hasStackTraceContaining("@ConditionalOnNotWorker");
    }

    @Test
    void anInWorkerMethodWithoutAWorkerContextFailsStartUpNamingTheProperty() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MisplacedApplication.class)
            .web(WebApplicationType.NONE)
            .properties("mp.event-loop.name=no-context", "mp.event-loop.workers=1");
        assertThatThrownBy(application::run)
            .hasStackTraceContaining("@InWorker method ParentOnlyRenderer.render")
            .hasStackTraceContaining("need a Spring context in each worker: set mp.event-loop.worker.context.enabled=true");
    }

    @Test
    void anInWorkerMethodReturningAPlainValueFailsTheBeansCreation() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(BadReturnApplication.class)
            .web(WebApplicationType.NONE)
            .properties("mp.event-loop.name=bad-return", "mp.event-loop.workers=1");
        assertThatThrownBy(application::run)
            .hasStackTraceContaining("@InWorker method SyncRenderer.render of bean 'badReturnApplication.SyncRenderer' "
                    + "returns java.lang.String")
            .hasStackTraceContaining("return CompletableFuture<String>");
    }
}
