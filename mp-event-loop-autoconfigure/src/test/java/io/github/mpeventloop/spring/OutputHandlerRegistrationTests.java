package io.github.mpeventloop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.fixtures.Work;

class OutputHandlerRegistrationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MpEventLoopAutoConfiguration.class))
        .withPropertyValues("mp.event-loop.backend=thread")
        .withBean(Journal.class);

    @Test
    void handlerBeansAndAnnotatedMethodsAreCalledInOrderOfTheirOrder() {
        this.contextRunner.withUserConfiguration(OrderedHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Work::square, 3);
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly("method@10:9", "method@20:9",
                    "bean@30:9", "class@40:9", "unordered:9");
        });
    }

    @Test
    void aMethodGetsOnlyTheResultsWhoseValueHasTheTypeItDeclares() {
        this.contextRunner.withUserConfiguration(TypedHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Work::upper, "a");
            loop.addEvent(Work::square, 2);
            loop.addEvent(Work::fail, "boom");
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactlyInAnyOrder("string:A", "result<int>:4",
                    "number:4", "any:A", "any:4", "any:error");
        });
    }

    @Test
    void aFailureReachesAnEventResultOfAnyTypeButNotOneTypedWithTheTargetsReturnType() {
        this.contextRunner.withUserConfiguration(FailureHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Event.of(Work::failCounting, "boom").key("failing"));
            loop.addEvent(Event.of(Work::pid).key("counting"));
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly(
                    "any:failing:RemoteEventException true", "any:counting:ok", "long:counting");
        });
    }

    @Test
    void aMethodWithKeysGetsOnlyTheResultsOfThoseKeys() {
        this.contextRunner.withUserConfiguration(KeyedHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Event.of(Work::square, 2).key("a"));
            loop.addEvent(Event.of(Work::square, 3).key("b"));
            loop.addEvent(Event.of(Work::square, 4).key(7));
            loop.addEvent(Event.of(Work::square, 5));
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly("a:4", "a-or-7:4", "a-or-7:16");
        });
    }

    @Test
    void aMethodReturningTrueStopsPropagation() {
        this.contextRunner.withUserConfiguration(StoppingHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Event.of(Work::square, 2).key("stop"));
            loop.addEvent(Event.of(Work::square, 3).key("go"));
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly("stopper:4", "stopper:9", "after:9");
        });
    }

    @Test
    void aMethodThatIsNotCalledOrThrowsNeverStopsPropagation() {
        this.contextRunner.withUserConfiguration(SkippedAndThrowingHandlers.class).run(context -> {
            EventLoop loop = context.getBean(EventLoop.class);
            loop.addEvent(Event.of(Work::square, 4).key("int"));
            loop.addEvent(Event.of(Work::upper, "x").key("text"));
            assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(context.getBean(Journal.class).entries).containsExactly("throwing:int", "last:int",
                    "stringStopper:X");
        });
    }

    @Test
    void handlersAreRegisteredAndTheLoopStartsUnderLazyInitialization() {
        this.contextRunner.withUserConfiguration(OrderedHandlers.class)
            .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.isRunning()).isTrue();
                assertThat(loop.outputHandlers()).hasSize(5);
            });
    }

    @Test
    void aMethodWithoutExactlyOneParameterFailsStartUp() {
        this.contextRunner.withUserConfiguration(BadHandler.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("must take exactly one parameter")
                .hasStackTraceContaining("twoParameters");
        });
    }

    @Test
    void handlersAreAddedToALoopTheApplicationDefines() {
        this.contextRunner.withUserConfiguration(StoppingHandlers.class)
            .withBean("myLoop", EventLoop.class,
                    () -> EventLoop.builder().name("mine").backend(io.github.mpeventloop.Backend.THREAD).build())
            .run(context -> {
                EventLoop loop = context.getBean(EventLoop.class);
                assertThat(loop.name()).isEqualTo("mine");
                assertThat(loop.outputHandlers()).hasSize(2);
            });
    }

    /** What the handlers saw, in order. */
    static class Journal {

        final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            this.entries.add(entry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ Unordered.class, LateHandler.class, Early.class })
    static class OrderedHandlers {

        @Bean
        @Order(30)
        ResultHandler beanHandler(Journal journal) {
            return ResultHandler.of(result -> journal.add("bean@30:" + result.value()));
        }
    }

    static class Unordered {

        private final Journal journal;

        Unordered(Journal journal) {
            this.journal = journal;
        }

        @OutputHandler
        void unordered(EventResult<?> result) {
            this.journal.add("unordered:" + result.value());
        }
    }

    @Order(40)
    static class LateHandler implements ResultHandler {

        private final Journal journal;

        LateHandler(Journal journal) {
            this.journal = journal;
        }

        @Override
        public boolean handle(EventResult<?> result) {
            this.journal.add("class@40:" + result.value());
            return false;
        }
    }

    static class Early {

        private final Journal journal;

        Early(Journal journal) {
            this.journal = journal;
        }

        @OutputHandler
        @Order(20)
        void second(Integer value) {
            this.journal.add("method@20:" + value);
        }

        @OutputHandler
        @Order(10)
        void first(EventResult<?> result) {
            this.journal.add("method@10:" + result.value());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(TypedHandlers.Handlers.class)
    static class TypedHandlers {

        static class Handlers {

            private final Journal journal;

            Handlers(Journal journal) {
                this.journal = journal;
            }

            @OutputHandler
            void strings(String value) {
                this.journal.add("string:" + value);
            }

            @OutputHandler
            void ints(EventResult<Integer> result) {
                this.journal.add("result<int>:" + result.value());
            }

            @OutputHandler
            void numbers(int value) {
                this.journal.add("number:" + value);
            }

            @OutputHandler
            void any(EventResult<?> result) {
                this.journal.add("any:" + (result.isSuccess() ? result.value() : "error"));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(FailureHandlers.Handlers.class)
    static class FailureHandlers {

        static class Handlers {

            private final Journal journal;

            Handlers(Journal journal) {
                this.journal = journal;
            }

            @OutputHandler
            @Order(1)
            void any(EventResult<?> result) {
                Throwable error = result.error();
                this.journal.add("any:" + result.eventKey() + ":" + ((error != null)
                        ? error.getClass().getSimpleName() + " " + error.getMessage().contains("boom") : "ok"));
            }

            @OutputHandler
            @Order(2)
            void longs(EventResult<Long> result) {
                this.journal.add("long:" + result.eventKey());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(KeyedHandlers.Handlers.class)
    static class KeyedHandlers {

        static class Handlers {

            private final Journal journal;

            Handlers(Journal journal) {
                this.journal = journal;
            }

            @OutputHandler(key = "a")
            @Order(1)
            void onlyA(Integer value) {
                this.journal.add("a:" + value);
            }

            @OutputHandler({ "a", "7" })
            @Order(2)
            void aOrSeven(EventResult<Integer> result) {
                this.journal.add("a-or-7:" + result.value());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(StoppingHandlers.Handlers.class)
    static class StoppingHandlers {

        static class Handlers implements Ordered {

            private final Journal journal;

            Handlers(Journal journal) {
                this.journal = journal;
            }

            @Override
            public int getOrder() {
                return 5;
            }

            @OutputHandler
            @Order(1)
            boolean stopper(EventResult<?> result) {
                this.journal.add("stopper:" + result.value());
                return "stop".equals(result.eventKey());
            }

            @OutputHandler
            void after(EventResult<?> result) {
                this.journal.add("after:" + result.value());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(SkippedAndThrowingHandlers.Handlers.class)
    static class SkippedAndThrowingHandlers {

        static class Handlers {

            private final Journal journal;

            Handlers(Journal journal) {
                this.journal = journal;
            }

            /** Stops every String value; skipped for the Integer result, which it therefore does not stop. */
            @OutputHandler
            @Order(1)
            boolean stringStopper(String value) {
                this.journal.add("stringStopper:" + value);
                return true;
            }

            @OutputHandler
            @Order(2)
            boolean throwing(EventResult<?> result) {
                this.journal.add("throwing:" + result.eventKey());
                throw new IllegalStateException("a handler that throws");
            }

            @OutputHandler
            @Order(3)
            void last(EventResult<?> result) {
                this.journal.add("last:" + result.eventKey());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(BadHandler.Handlers.class)
    static class BadHandler {

        static class Handlers {

            @OutputHandler
            void twoParameters(EventResult<?> result, String extra) {
            }
        }
    }
}
