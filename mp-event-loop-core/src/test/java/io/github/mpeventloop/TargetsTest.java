package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Abc;
import io.github.mpeventloop.fixtures.MyEvent;
import io.github.mpeventloop.fixtures.Point;
import io.github.mpeventloop.fixtures.Tasks;

/** The kinds of target and how their arguments and results travel, on process workers. */
class TargetsTest {

    private static EventLoop loop;

    @BeforeAll
    static void startLoop() {
        loop = EventLoop.builder().name("targets").build().start();
    }

    @AfterAll
    static void closeLoop() {
        loop.close();
    }

    @Test
    void genericResultsComeBackAsTheirDeclaredTypes() {
        List<Point> points = loop.addEvent(Tasks::points, 3).join();
        assertThat(points).containsExactly(new Point(0, 0), new Point(1, 2), new Point(2, 4));
        assertThat(points.get(0)).isInstanceOf(Point.class);
    }

    @Test
    void aConstructorReferenceBuildsTheObjectInTheWorker() {
        Point point = loop.addEvent(Point::new, 3, 4).join();
        assertThat(point).isEqualTo(new Point(3, 4));
    }

    @Test
    void anUnboundMethodReferenceTakesItsReceiverAsFirstArgument() {
        Abc copy = loop.addEvent(Abc::calcCAndReturn, new Abc(2, 5, 0)).join();
        assertThat(copy.c).isEqualTo(7);
    }

    @Test
    void aLambdaCarriesItsCapturedValues() {
        int offset = 100;
        Target.Call1<Integer, Integer> plusOffset = value -> value + offset;
        assertThat(loop.addEvent(plusOffset, 5).join()).isEqualTo(105);
    }

    @Test
    void aTargetRegisteredByNameIsCalledByThatName() {
        loop.register("points", (Target.Call1<Integer, List<Point>>) Tasks::points);
        Object points = loop.addEvent("points", 2).join();
        assertThat(points).isEqualTo(List.of(new Point(0, 0), new Point(1, 2)));
    }

    @Test
    void aCustomEventsValueIsTypedByItsTypeArgument() {
        List<Integer> values = loop.addEvent(new MyEvent(4)).join();
        assertThat(values).containsExactly(0, 1, 2, 3);
    }

    @Test
    void noOutputCompletesTheFutureWithoutAValueAndCallsNoHandler() {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResultHandler handler = ResultHandler.of(result -> seen.add(result.eventKey()));
        loop.addOutputHandler(handler);
        try {
            Object quiet = loop.addEvent(Event.of(Tasks::addOne, 1).noOutput().key("quiet")).join();
            loop.addEvent(Event.of(Tasks::addOne, 1).key("loud")).join();
            loop.awaitIdle();
            assertThat(quiet).isNull();
            assertThat(seen).containsExactly("loud");
        } finally {
            loop.removeOutputHandler(handler);
        }
    }

    @Test
    void anEventClassAWorkerCannotBuildIsRefusedAtSubmission() {
        Event<String> anonymous = new Event<>() {
            @Override
            public String run() {
                return "never";
            }
        };
        assertThatThrownBy(() -> loop.addEvent(anonymous)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top-level or static nested class");
    }

    @Test
    void theThreadBackendStillCopiesEverythingThroughTheCodec() {
        Abc a = new Abc(1, 2, 0);
        try (EventLoop threads = EventLoop.builder().name("thread-backend").backend(Backend.THREAD).build().start()) {
            threads.addEvent(a::calcC).join();
            Abc returned = threads.addEvent(a::calcCAndReturn).join();
            assertThat(a.c).isZero();
            assertThat(returned).isNotSameAs(a);
            assertThat(returned.c).isEqualTo(3);
            assertThatThrownBy(() -> threads.addEvent(Tasks::describe, new Object()))
                    .isInstanceOf(ArgumentNotTransferableException.class);
        }
    }
}
