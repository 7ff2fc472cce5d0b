package io.github.mpeventloop.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Work;

/** The configured drain is honoured: the loop's shutdown phase gets the time its drain and stop need. */
class ShutdownPhaseTimeoutTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class, MpEventLoopAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread");

    @Test
    void aDrainLongerThanSpringsPhaseTimeoutIsWaitedFor() {
        this.contextRunner
            .withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=1s", "mp.event-loop.shutdown.drain-timeout=60s")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                try (Gate gate = new Gate()) {
                    EventFuture<String> running = loop.addEvent(Work::awaitSignal, gate.port());
                    EventFuture<Integer> queued = loop.addEvent(Work::square, 3);
                    CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
                    // Spring's own bound for a phase (1 s) passes; the loop keeps draining: nothing is handed back.
                    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> !queued.isDone() && !closed.isDone());
                    gate.open();
                    assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo("signalled 1");
                    assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo(9);
                    closed.get(30, TimeUnit.SECONDS);
                }
            });
    }

    @Test
    void aLifecycleProcessorThatCannotBeToldFailsStartUpNamingBothProperties() {
        this.contextRunner.withUserConfiguration(OwnLifecycleProcessor.class)
            .withPropertyValues("mp.event-loop.shutdown.drain-timeout=60s")
            .run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause()
                .hasMessageContaining("mp.event-loop.shutdown.drain-timeout (PT1M)")
                .hasMessageContaining("spring.lifecycle.timeout-per-shutdown-phase is PT30S")
                .hasMessageContaining("raise spring.lifecycle.timeout-per-shutdown-phase to at least PT1M15S"));
    }

    @Test
    void theDefaultsFitSpringsDefaultPhaseTimeout() {
        this.contextRunner.withUserConfiguration(OwnLifecycleProcessor.class)
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLifecycleProcessor {

        @Bean
        LifecycleProcessor lifecycleProcessor() {
            return new LifecycleProcessor() {
                private volatile boolean running;

                @Override
                public void onRefresh() {
                    this.running = true;
                }

                @Override
                public void onClose() {
                    this.running = false;
                }

                @Override
                public void start() {
                    this.running = true;
                }

                @Override
                public void stop() {
                    this.running = false;
                }

                @Override
                public boolean isRunning() {
                    return this.running;
                }
            };
        }
    }
}
