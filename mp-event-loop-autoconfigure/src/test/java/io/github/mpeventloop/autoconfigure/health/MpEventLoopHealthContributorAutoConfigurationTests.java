package io.github.mpeventloop.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.fixtures.Work;
import io.github.mpeventloop.spring.health.EventLoopHealthIndicator;

class MpEventLoopHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class,
                MpEventLoopHealthContributorAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread");

    @Test
    void healthIndicatorIsUpWithDetailsPerWorkerWhileTheLoopRuns() {
        this.contextRunner.withPropertyValues("mp.event-loop.workers=2").run(context -> {
            assertThat(context).hasSingleBean(EventLoopHealthIndicator.class).hasBean("mpEventLoopHealthContributor");
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Work::square, 2).join();
            Health health = context.getBean(EventLoopHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("name", "main")
                .containsEntry("state", "RUNNING")
                .containsEntry("queueDepth", 0)
                .containsEntry("liveWorkers", 2L)
                .containsKeys("inFlight", "workers", "restarts");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> workers = (Map<String, Map<String, Object>>) health.getDetails().get("workers");
            assertThat(workers).containsOnlyKeys("1", "2");
            assertThat(workers.get("1")).containsKeys("pid", "state", "uptime", "eventsDone", "inFlight");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventsDone(context.getBean(
                    EventLoopHealthIndicator.class).health())).isEqualTo(1));
        });
    }

    @SuppressWarnings("unchecked")
    private static long eventsDone(Health health) {
        Map<String, Map<String, Object>> workers = (Map<String, Map<String, Object>>) health.getDetails().get("workers");
        return workers.values().stream().mapToLong(worker -> (Long) worker.get("eventsDone")).sum();
    }

    @Test
    void healthIsUnknownWhileTheLoopIsNotRunning() {
        this.contextRunner.withPropertyValues("mp.event-loop.auto-startup=false")
            .run(context -> assertThat(context.getBean(EventLoopHealthIndicator.class).health().getStatus())
                .isEqualTo(Status.UNKNOWN));
    }

    @Test
    void healthIsDownWithTheReasonWhenTheLoopLostItsWorkersBeyondTheRestartBudget() {
        this.contextRunner.withPropertyValues("mp.event-loop.backend=process", "mp.event-loop.restart.max-restarts=0")
            .run(context -> {
                EventLoopHealthIndicator indicator = context.getBean(EventLoopHealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                long pid = context.getBean(EventLoop.class).workers().get(0).pid();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                await().atMost(Duration.ofSeconds(30)).until(() -> indicator.health().getStatus().equals(Status.DOWN));
                assertThat(indicator.health().getDetails()).containsKey("error").containsEntry("liveWorkers", 0L);
            });
    }

    @Test
    void noHealthContributorWithoutTheHealthModule() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(EventLoop.class)
                .doesNotHaveBean("mpEventLoopHealthContributor"));
    }

    @Test
    void noHealthContributorWhenTheHealthCheckIsDisabled() {
        this.contextRunner.withPropertyValues("management.health.mp-event-loop.enabled=false")
            .run(context -> assertThat(context).hasSingleBean(EventLoop.class)
                .doesNotHaveBean("mpEventLoopHealthContributor"));
    }

    @Test
    void noHealthContributorWithoutAnEventLoop() {
        this.contextRunner.withPropertyValues("mp.event-loop.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean("mpEventLoopHealthContributor"));
    }

    @Test
    void backsOffToAHealthIndicatorOfTheApplication() {
        this.contextRunner.withBean("mpEventLoopHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
            .run(context -> assertThat(context).doesNotHaveBean("mpEventLoopHealthContributor")
                .doesNotHaveBean(EventLoopHealthIndicator.class));
    }
}
