package io.github.mpeventloop.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.fixtures.Work;
import io.github.mpeventloop.spring.observation.EventLoopObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

class MpEventLoopObservationAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class,
                MpEventLoopObservationAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread");

    @Test
    void eachEventIsAnObservationWithItsQueueAndExecutionPhasesAndItsOutcome() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(EventLoopObservations.class);
            EventLoop loop = context.getBean(EventLoop.class);
            assertThat(loop.addEvent(Work::square, 6).get(10, TimeUnit.SECONDS)).isEqualTo(36);
            assertThatExceptionOfType(ExecutionException.class)
                .isThrownBy(() -> loop.addEvent(Work::fail, "boom").get(10, TimeUnit.SECONDS));
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();

            TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo(EventLoopObservations.EVENT, 2)
                .hasNumberOfObservationsWithNameEqualTo(EventLoopObservations.QUEUE, 2)
                .hasNumberOfObservationsWithNameEqualTo(EventLoopObservations.EXECUTION, 2)
                .hasAnObservationWithAKeyValue(EventLoopObservations.OUTCOME, "VALUE")
                .hasAnObservationWithAKeyValue(EventLoopObservations.OUTCOME, "ERROR")
                .hasAnObservationWithAKeyValue(EventLoopObservations.LOOP, "main")
                .forAllObservationsWithNameEqualTo(EventLoopObservations.EXECUTION,
                        observation -> observation.hasParentObservationContextMatching(
                                parent -> EventLoopObservations.EVENT.equals(((Observation.ContextView) parent).getName())));
        });
    }

    @Test
    void nothingIsObservedWithoutAnObservationRegistry() {
        this.contextRunner.run(context -> assertThat(context).hasSingleBean(EventLoop.class)
            .doesNotHaveBean(EventLoopObservations.class));
    }

    @Test
    void nothingIsObservedWithoutMicrometerObservation() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventLoopObservations.class));
    }

    @Test
    void nothingIsObservedWithoutAnEventLoop() {
        this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
            .withPropertyValues("mp.event-loop.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(EventLoopObservations.class));
    }

    @Test
    void everyEventLoopBeanIsObserved() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
            .withBean("first", EventLoop.class, () -> EventLoop.builder().name("one").backend(Backend.THREAD).build())
            .withBean("second", EventLoop.class, () -> EventLoop.builder().name("two").backend(Backend.THREAD).build())
            .run(context -> {
                assertThat(context).getBeans(EventLoopObservations.class).containsOnlyKeys("firstObservations",
                        "secondObservations");
                context.getBean("second", EventLoop.class).addEvent(Work::square, 2).get(10, TimeUnit.SECONDS);
                TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(EventLoopObservations.EVENT, 1)
                    .hasAnObservationWithAKeyValue(EventLoopObservations.LOOP, "two");
            });
    }

    @Test
    void observationsTheApplicationDefinesReplaceTheAutoConfiguredOnes() {
        this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
            .withBean("myObservations", EventLoopObservations.class,
                    () -> new EventLoopObservations(EventLoop.builder().name("elsewhere").build(),
                            ObservationRegistry.NOOP))
            .run(context -> assertThat(context).getBeans(EventLoopObservations.class)
                .containsOnlyKeys("myObservations"));
    }
}
