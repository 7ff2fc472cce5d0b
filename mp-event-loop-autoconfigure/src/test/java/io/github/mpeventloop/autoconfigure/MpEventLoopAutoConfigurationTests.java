package io.github.mpeventloop.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

import io.github.mpeventloop.ArgumentNotTransferableException;
import io.github.mpeventloop.Backend;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.EventRejectedException;
import io.github.mpeventloop.EventTimeoutException;
import io.github.mpeventloop.FrameTooLargeException;
import io.github.mpeventloop.fixtures.Gate;
import io.github.mpeventloop.fixtures.Work;
import io.github.mpeventloop.spring.EventLoopLifecycle;
import io.github.mpeventloop.spring.OutputHandlerRegistrar;

class MpEventLoopAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread");

    @Test
    void eventLoopIsCreatedStartedWithTheContextAndRunsEvents() {
        this.contextRunner.run(context -> {
            assertThat(context).hasSingleBean(EventLoop.class)
                .hasSingleBean(EventLoopLifecycle.class)
                .hasSingleBean(OutputHandlerRegistrar.class)
                .hasSingleBean(MpEventLoopProperties.class);
            EventLoop loop = context.getBean(EventLoop.class);
            assertThat(loop.isRunning()).isTrue();
            assertThat(loop.name()).isEqualTo("main");
            assertThat(loop.addEvent(Work::square, 7).get(10, TimeUnit.SECONDS)).isEqualTo(49);
        });
    }

    @Test
    void eventLoopIsStoppedWhenTheContextCloses() {
        EventLoop[] loop = new EventLoop[1];
        this.contextRunner.run(context -> loop[0] = context.getBean(EventLoop.class));
        assertThat(loop[0].isRunning()).isFalse();
        assertThat(loop[0].workers()).isEmpty();
    }

    @Test
    void eventLoopBacksOffToOneTheApplicationDefinesAndStillManagesItsLifecycle() {
        this.contextRunner
            .withBean("myLoop", EventLoop.class, () -> EventLoop.builder().name("mine").backend(Backend.THREAD).build())
            .run(context -> {
                assertThat(context).hasSingleBean(EventLoop.class).hasBean("myLoop").doesNotHaveBean("mpEventLoop");
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.name()).isEqualTo("mine");
                assertThat(context.getBean(EventLoopLifecycle.class).getEventLoop()).isSameAs(loop);
                assertThat(loop.isRunning()).isTrue();
            });
    }

    @Test
    void nothingIsConfiguredWhenDisabledByProperty() {
        this.contextRunner.withPropertyValues("mp.event-loop.enabled=false").run(context -> assertThat(context)
            .hasNotFailed()
            .doesNotHaveBean(EventLoop.class)
            .doesNotHaveBean(EventLoopLifecycle.class)
            .doesNotHaveBean(OutputHandlerRegistrar.class)
            .doesNotHaveBean(MpEventLoopProperties.class));
    }

    @Test
    void nothingIsConfiguredInsideAWorkerJvm() {
        this.contextRunner.withSystemProperties("mp.event-loop.worker.id=3").run(context -> assertThat(context)
            .hasNotFailed()
            .doesNotHaveBean(EventLoop.class)
            .doesNotHaveBean(EventLoopLifecycle.class));
    }

    @Test
    void autoStartupFalseLeavesTheLoopStoppedUntilTheApplicationStartsIt() {
        this.contextRunner.withPropertyValues("mp.event-loop.auto-startup=false").run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            assertThat(loop.isRunning()).isFalse();
            context.getBean(EventLoopLifecycle.class).start();
            assertThat(loop.isRunning()).isTrue();
        });
    }

    @Test
    void customizersApplyInOrderAfterTheProperties() {
        this.contextRunner.withPropertyValues("mp.event-loop.name=from-properties")
            .withUserConfiguration(CustomizerConfiguration.class)
            .run(context -> assertThat(context.getBean(EventLoop.class).name()).isEqualTo("second"));
    }

    @Test
    void nameAndWorkersAreApplied() {
        this.contextRunner.withPropertyValues("mp.event-loop.name=renderer", "mp.event-loop.workers=3")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.name()).isEqualTo("renderer");
                assertThat(loop.workers()).hasSize(3);
            });
    }

    @Test
    void aFullQueueRejectsAtOnceWithTheRejectPolicy() {
        this.contextRunner
            .withPropertyValues("mp.event-loop.auto-startup=false", "mp.event-loop.queue.capacity=2",
                    "mp.event-loop.queue.when-full=reject")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                loop.addEvent(Work::square, 1);
                loop.addEvent(Work::square, 2);
                assertThatExceptionOfType(EventRejectedException.class).isThrownBy(() -> loop.addEvent(Work::square, 3))
                    .withMessageContaining("full (2 events)")
                    .withMessageNotContaining("stayed full");
            });
    }

    @Test
    void aFullQueueWaitsForTheBlockTimeoutWithTheBlockPolicy() {
        this.contextRunner
            .withPropertyValues("mp.event-loop.auto-startup=false", "mp.event-loop.queue.capacity=1",
                    "mp.event-loop.queue.block-timeout=50ms")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                loop.addEvent(Work::square, 1);
                assertThatExceptionOfType(EventRejectedException.class).isThrownBy(() -> loop.addEvent(Work::square, 2))
                    .withMessageContaining("stayed full for PT0.05S");
            });
    }

    @Test
    void theFrameLimitRefusesLargerArguments() {
        this.contextRunner.withPropertyValues("mp.event-loop.frame.max-size=64KB").run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            assertThat(loop.addEvent(Work::upper, "x".repeat(100)).get(10, TimeUnit.SECONDS)).hasSize(100);
            assertThatExceptionOfType(FrameTooLargeException.class)
                .isThrownBy(() -> loop.addEvent(Work::upper, "x".repeat(100 * 1024)));
        });
    }

    @Test
    void theValueLimitsComeFromTheProperties() {
        this.contextRunner
            .withPropertyValues("mp.event-loop.frame.max-string-length=1000",
                    "mp.event-loop.frame.max-nesting-depth=64", "mp.event-loop.frame.max-number-length=50")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.addEvent(Work::upper, "x".repeat(1000)).get(10, TimeUnit.SECONDS)).hasSize(1000);
                assertThatExceptionOfType(ArgumentNotTransferableException.class)
                    .isThrownBy(() -> loop.addEvent(Work::upper, "x".repeat(1001)))
                    .withMessageContaining("over the limit of 1000")
                    .withMessageContaining("mp.event-loop.frame.max-string-length");
                assertThat(loop.addEvent(Work::upper, "still").get(10, TimeUnit.SECONDS)).isEqualTo("STILL");
            });
    }

    @Test
    void workerProcessesGetTheConfiguredHeapAndJvmOptions() {
        this.contextRunner
            .withPropertyValues("mp.event-loop.backend=process", "mp.event-loop.workers=2",
                    "mp.event-loop.worker.max-heap=48MB", "mp.event-loop.worker.jvm-options=-Dsample.flag=on,-Xss1m")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.workers()).hasSize(2)
                    .allSatisfy(worker -> assertThat(worker.pid()).isNotEqualTo(ProcessHandle.current().pid()));
                Work.WorkerFacts facts = loop.addEvent(Work::facts, "sample.flag").get(30, TimeUnit.SECONDS);
                assertThat(facts.pid()).isNotEqualTo(ProcessHandle.current().pid());
                assertThat(facts.property()).isEqualTo("on");
                assertThat(facts.maxMemory()).isPositive().isLessThanOrEqualTo(DataSize.ofMegabytes(48).toBytes());
            });
    }

    @Test
    void anEventRunningPastTheEventTimeoutFailsWithATimeout() throws Exception {
        try (Gate gate = new Gate()) {
            this.contextRunner.withPropertyValues("mp.event-loop.backend=process", "mp.event-loop.event.timeout=300ms")
                .run(context -> {
                    EventLoop loop = context.getBean(EventLoop.class);
                    EventFuture<String> blocked = loop.addEvent(Work::awaitSignal, gate.port());
                    assertThatExceptionOfType(ExecutionException.class)
                        .isThrownBy(() -> blocked.get(30, TimeUnit.SECONDS))
                        .withCauseInstanceOf(EventTimeoutException.class);
                    await().atMost(Duration.ofSeconds(30))
                        .until(() -> loop.workers().stream().anyMatch(worker -> worker.id() > 1));
                    assertThat(loop.restarts()).isEqualTo(1);
                    // The follow-up runs on a cold replacement worker: its own generous timeout keeps a loaded
                    // machine from timing it out too; the blocked event above shows the configured timeout applies.
                    assertThat(loop.addEvent(Event.of(Work::square, 3).timeout(Duration.ofMinutes(1)))
                        .get(30, TimeUnit.SECONDS)).isEqualTo(9);
                });
        }
    }

    @Test
    void withRestartsDisabledALostWorkerTakesTheLoopDown() {
        this.contextRunner.withPropertyValues("mp.event-loop.backend=process", "mp.event-loop.restart.enabled=false")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                long pid = loop.workers().get(0).pid();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                await().atMost(Duration.ofSeconds(30)).until(loop::isDown);
                assertThat(loop.restarts()).isZero();
                assertThatExceptionOfType(EventRejectedException.class).isThrownBy(() -> loop.addEvent(Work::square, 2));
            });
    }

    @Test
    void maxHeapBecomesXmxInTheLargestWholeUnit() {
        assertThat(EventLoopBuilderMapper.xmx(DataSize.ofGigabytes(1))).isEqualTo("-Xmx1024m");
        assertThat(EventLoopBuilderMapper.xmx(DataSize.ofKilobytes(1536))).isEqualTo("-Xmx1536k");
        assertThat(EventLoopBuilderMapper.xmx(DataSize.ofBytes(3_000_001))).isEqualTo("-Xmx3000001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mp.event-loop.workers=0                   | mp.event-loop.workers
            mp.event-loop.workers=-2                  | mp.event-loop.workers
            mp.event-loop.name=                       | mp.event-loop.name
            mp.event-loop.queue.capacity=0            | mp.event-loop.queue.capacity
            mp.event-loop.queue.block-timeout=-1s     | mp.event-loop.queue.block-timeout
            mp.event-loop.event.timeout=-5s           | mp.event-loop.event.timeout
            mp.event-loop.worker.start-timeout=0s     | mp.event-loop.worker.start-timeout
            mp.event-loop.worker.max-in-flight=0      | mp.event-loop.worker.max-in-flight
            mp.event-loop.worker.max-heap=1MB         | mp.event-loop.worker.max-heap
            mp.event-loop.restart.max-restarts=-1     | mp.event-loop.restart.max-restarts
            mp.event-loop.restart.window=-1m          | mp.event-loop.restart.window
            mp.event-loop.restart.initial-backoff=-1s | mp.event-loop.restart.initial-backoff
            mp.event-loop.restart.max-backoff=10ms    | mp.event-loop.restart.max-backoff
            mp.event-loop.worker.recycle-after-events=-1 | mp.event-loop.worker.recycle-after-events
            mp.event-loop.worker.recycle-above-heap=0B   | mp.event-loop.worker.recycle-above-heap
            mp.event-loop.shutdown.drain-timeout=-1s  | mp.event-loop.shutdown.drain-timeout
            mp.event-loop.shutdown.stop-timeout=-10ms | mp.event-loop.shutdown.stop-timeout
            mp.event-loop.frame.max-size=10B          | mp.event-loop.frame.max-size
            mp.event-loop.frame.max-size=4GB          | mp.event-loop.frame.max-size
            """)
    void anInvalidValueFailsStartUpNamingItsProperty(String property, String name) {
        this.contextRunner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(name);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        @Bean
        @Order(2)
        EventLoopCustomizer second() {
            return builder -> builder.name("second");
        }

        @Bean
        @Order(1)
        EventLoopCustomizer first() {
            return builder -> builder.name("first").stopTimeout(Duration.ofSeconds(1));
        }
    }
}
