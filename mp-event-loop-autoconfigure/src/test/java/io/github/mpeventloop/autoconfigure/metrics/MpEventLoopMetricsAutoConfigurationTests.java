package io.github.mpeventloop.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.fixtures.Work;
import io.github.mpeventloop.spring.metrics.EventLoopMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MpEventLoopMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class,
                MpEventLoopMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread", "management.metrics.use-global-registry=false");

    @Test
    void metersAreBoundWhenAMeterRegistryExists() {
        this.contextRunner.withBean(SimpleMeterRegistry.class).withPropertyValues("mp.event-loop.workers=2")
            .run(context -> {
                assertThat(context).hasSingleBean(EventLoopMetrics.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("mp.event.loop.queued").tag("name", "main").gauge().value()).isZero();
                assertThat(registry.get("mp.event.loop.active").tag("name", "main").gauge().value()).isZero();
                assertThat(registry.get("mp.event.loop.workers.live").tag("name", "main").gauge().value()).isEqualTo(2);
                assertThat(registry.get("mp.event.loop.workers.configured").gauge().value()).isEqualTo(2);
                assertThat(registry.get("mp.event.loop.worker.restarts").functionCounter().count()).isZero();
            });
    }

    @Test
    void completionsFailuresAndTheirTimesAreRecordedEvenWhenAHandlerStopsPropagation() {
        this.contextRunner.withBean(SimpleMeterRegistry.class).withUserConfiguration(StoppingHandler.class)
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                loop.addEvent(Work::square, 2);
                loop.addEvent(Work::square, 3);
                loop.addEvent(Work::fail, "boom");
                assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("mp.event.loop.completed").tag("outcome", "VALUE").functionCounter().count())
                    .isEqualTo(2);
                assertThat(registry.get("mp.event.loop.completed").tag("outcome", "ERROR").functionCounter().count())
                    .isEqualTo(1);
                Timer execution = registry.get("mp.event.loop.execution").tag("outcome", "VALUE").timer();
                Timer latency = registry.get("mp.event.loop.latency").tag("outcome", "VALUE").timer();
                assertThat(execution.count()).isEqualTo(2);
                assertThat(latency.count()).isEqualTo(2);
                assertThat(latency.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                    .isGreaterThanOrEqualTo(execution.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS));
                assertThat(loop.outputHandlers()).singleElement()
                    .satisfies(handler -> assertThat(handler.toString()).doesNotStartWith("EventLoopMetrics"));
            });
    }

    @Test
    void noMetersWithoutAMeterRegistry() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class,
                    MpEventLoopMetricsAutoConfiguration.class))
            .withPropertyValues("mp.event-loop.backend=thread")
            .run(context -> assertThat(context).hasSingleBean(EventLoop.class)
                .doesNotHaveBean(MeterRegistry.class)
                .doesNotHaveBean(EventLoopMetrics.class));
    }

    @Test
    void noMetersWithoutMicrometer() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
            .run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(EventLoop.class)
                .doesNotHaveBean(EventLoopMetrics.class));
    }

    @Test
    void metersAreBoundToTheRegistryOfBootsSimpleExport() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(SimpleMetricsExportAutoConfiguration.class))
            .run(context -> {
                assertThat(context).hasSingleBean(EventLoopMetrics.class);
                assertThat(context.getBean(MeterRegistry.class).find("mp.event.loop.queued").gauge()).isNotNull();
            });
    }

    @Test
    void noMetersWithoutAnEventLoop() {
        this.contextRunner.withBean(SimpleMeterRegistry.class).withPropertyValues("mp.event-loop.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(EventLoopMetrics.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class StoppingHandler {

        @Bean
        @Order(0)
        ResultHandler stopsEverything() {
            return result -> true;
        }
    }
}
