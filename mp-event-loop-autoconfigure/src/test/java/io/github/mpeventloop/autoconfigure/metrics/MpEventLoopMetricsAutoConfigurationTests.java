package io.github.mpeventloop.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventRejectedException;
import io.github.mpeventloop.EventStream;
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
    void throughRealWorkersEachMeterCountsExactlyWhateverTheHandlersDo() {
        this.contextRunner.withBean(SimpleMeterRegistry.class).withUserConfiguration(StoppingHandler.class)
            .withPropertyValues("mp.event-loop.backend=process", "mp.event-loop.workers=2",
                    "mp.event-loop.worker.max-heap=64MB")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                loop.insertOutputHandler(0, result -> true);
                for (int i = 0; i < 100; i++) {
                    if (i % 10 == 0) {
                        loop.addEvent(Work::fail, "failure " + i);
                    } else {
                        loop.addEvent(Work::square, i);
                    }
                }
                long items = 0;
                try (EventStream<Long> stream = loop.addStream(Work::count, 1_000L)) {
                    for (Long ignored : stream) {
                        items++;
                    }
                }
                for (int i = 0; i < 50; i++) {
                    loop.addEvent(Event.of(Work::square, i).noOutput());
                }
                assertThat(loop.awaitIdle(Duration.ofMinutes(2))).isTrue();
                assertThat(items).isEqualTo(1_000);

                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(completed(registry, "VALUE")).isEqualTo(141);
                assertThat(completed(registry, "ERROR")).isEqualTo(10);
                assertThat(registry.get("mp.event.loop.completed").functionCounters())
                    .filteredOn(counter -> !List.of("VALUE", "ERROR").contains(counter.getId().getTag("outcome")))
                    .allSatisfy(counter -> assertThat(counter.count()).isZero());
                assertThat(registry.get("mp.event.loop.stream.items").functionCounter().count()).isEqualTo(1_000);
                assertThat(registry.get("mp.event.loop.accepted").functionCounter().count()).isEqualTo(151);
                assertThat(registry.get("mp.event.loop.queue.wait").timer().count()).isEqualTo(151);
                assertThat(registry.get("mp.event.loop.execution").tag("outcome", "VALUE").timer().count())
                    .isEqualTo(141);
                assertThat(registry.get("mp.event.loop.latency").tag("outcome", "ERROR").timer().count())
                    .isEqualTo(10);
                assertThat(registry.get("mp.event.loop.rejected").functionCounters())
                    .allSatisfy(counter -> assertThat(counter.count()).isZero());
                assertThat(registry.get("mp.event.loop.workers.configured").gauge().value()).isEqualTo(2);
            });
    }

    @Test
    void fiveRejectedAndFiveCancelledEventsAreCountedByReasonAndOutcome() {
        this.contextRunner.withBean(SimpleMeterRegistry.class)
            .withPropertyValues("mp.event-loop.auto-startup=false", "mp.event-loop.queue.capacity=5",
                    "mp.event-loop.queue.when-full=reject")
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                List<EventFuture<Integer>> queued = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    queued.add(loop.addEvent(Work::square, i));
                }
                for (int i = 0; i < 5; i++) {
                    assertThatExceptionOfType(EventRejectedException.class)
                        .isThrownBy(() -> loop.addEvent(Work::square, 2));
                }
                assertThat(queued).allSatisfy(future -> assertThat(future.cancel(false)).isTrue());

                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("mp.event.loop.rejected").tag("reason", "QUEUE_FULL").functionCounter()
                    .count()).isEqualTo(5);
                assertThat(completed(registry, "CANCELLED")).isEqualTo(5);
                assertThat(registry.get("mp.event.loop.latency").tag("outcome", "CANCELLED").timer().count())
                    .isEqualTo(5);
                assertThat(registry.get("mp.event.loop.execution").tag("outcome", "CANCELLED").timer().count())
                    .isZero();
                assertThat(registry.get("mp.event.loop.queue.wait").timer().count()).isZero();
            });
    }

    @Test
    void everyEventLoopBeanGetsItsMetersTaggedWithItsName() {
        this.contextRunner.withBean(SimpleMeterRegistry.class)
            .withBean("first", EventLoop.class, () -> EventLoop.builder().name("first").workers(2)
                .backend(Backend.THREAD).build())
            .withBean("second", EventLoop.class, () -> EventLoop.builder().name("second")
                .backend(Backend.THREAD).build())
            .run(context -> {
                assertThat(context).getBeans(EventLoopMetrics.class).containsOnlyKeys("firstMetrics", "secondMetrics");
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("mp.event.loop.workers.configured").tag("name", "first").gauge().value())
                    .isEqualTo(2);
                assertThat(registry.get("mp.event.loop.workers.configured").tag("name", "second").gauge().value())
                    .isEqualTo(1);
                context.getBean("second", EventLoop.class).addEvent(Work::square, 5).get(10, TimeUnit.SECONDS);
                assertThat(registry.get("mp.event.loop.completed").tag("name", "second").tag("outcome", "VALUE")
                    .functionCounter().count()).isEqualTo(1);
                assertThat(registry.get("mp.event.loop.completed").tag("name", "first").tag("outcome", "VALUE")
                    .functionCounter().count()).isZero();
            });
    }

    @Test
    void metricsOfTheApplicationReplaceTheAutoConfiguredOnes() {
        this.contextRunner.withBean(SimpleMeterRegistry.class)
            .withBean("myMetrics", EventLoopMetrics.class,
                    () -> new EventLoopMetrics(EventLoop.builder().name("elsewhere").build(), List.of()))
            .run(context -> assertThat(context).getBeans(EventLoopMetrics.class).containsOnlyKeys("myMetrics"));
    }

    private static double completed(MeterRegistry registry, String outcome) {
        return registry.get("mp.event.loop.completed").tag("outcome", outcome).functionCounter().count();
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
