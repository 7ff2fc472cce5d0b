package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Greeter;
import io.github.mpeventloop.fixtures.GreeterBootstrap;
import io.github.mpeventloop.fixtures.Tasks;

/** Bean targets and worker bootstraps, with real worker JVMs and the test bootstrap {@link GreeterBootstrap}. */
class BeanTargetsTest {

    private static final long PARENT_PID = ProcessHandle.current().pid();

    private static EventLoop loop(String name, String greeterMode) {
        return EventLoop.builder().name(name).startTimeout(Duration.ofMinutes(5))
            .jvmOptions("-D" + GreeterBootstrap.PROPERTY + "=" + greeterMode).build();
    }

    @Test
    void aBeanTargetRunsOnTheBeanTheWorkersBootstrapMadeAndOnlyItsArgumentTravels() throws Exception {
        try (EventLoop loop = loop("greeter", "on").start()) {
            String greeting = loop.addEvent(Event.onBean(Greeter::greet, "ada")).get(60, TimeUnit.SECONDS);
            assertThat(greeting).startsWith("hello ada from ").doesNotEndWith(" " + PARENT_PID);
            assertThat(loop.addEvent(Event.onBean(Greeter::greet, "ada").beanNamed("formal")).get(60, TimeUnit.SECONDS))
                .startsWith("good day ada from ");
        }
    }

    @Test
    void aWorkerWithoutBeansRefusesABeanTargetNamingTheFixAndLosesNoOtherEvent() throws Exception {
        try (EventLoop loop = loop("no-beans", "off").start()) {
            EventFuture<String> refused = loop.addEvent(Event.onBean(Greeter::greet, "ada"));
            EventFuture<Integer> after = loop.addEvent(Tasks::addOne, 1);
            assertThatThrownBy(() -> refused.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no bean of type " + Greeter.class.getName())
                .hasMessageContaining("mp.event-loop.worker.context.enabled=true");
            assertThat(after.get(60, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void aFailingBootstrapFailsStartWithItsMessage() {
        try (EventLoop loop = loop("failing-bootstrap", "fail")) {
            assertThatThrownBy(loop::start).isInstanceOf(WorkerStartException.class)
                .hasMessageContaining("failing-bootstrap-worker-")
                .hasMessageContaining("failed to start: no licence for the greeter");
            assertThat(loop.isRunning()).isFalse();
        }
    }

    @Test
    void theBeanDirectoryRefusesABeanAtSubmissionAndNothingIsQueued() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("directory").backend(Backend.THREAD)
            .beanDirectory((type, name) -> {
                throw new IllegalArgumentException("no bean of type " + type.getSimpleName() + " in the workers");
            })
            .build().start()) {
            int depth = loop.queueDepth();
            assertThatThrownBy(() -> loop.addEvent(Event.onBean(Greeter::greet, "ada")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no bean of type Greeter in the workers");
            assertThat(loop.queueDepth()).isEqualTo(depth);
            assertThat(loop.addEvent(Tasks::addOne, 2).get(60, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    @Test
    void onBeanTakesOnlyAnUnboundMethodReferenceOfTheBeansClass() {
        Greeter greeter = new Greeter("hi");
        assertThatThrownBy(() -> Event.onBean(greeter::greet))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unbound method reference of the bean's class");
        assertThatThrownBy(() -> Event.of(Tasks::addOne, 1).beanNamed("formal"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("applies to a bean target");
    }
}
