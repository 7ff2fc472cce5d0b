package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Abc;
import io.github.mpeventloop.fixtures.MyEvent;
import io.github.mpeventloop.fixtures.Tasks;

/** The examples of the seed's project page, in Java form, with the seed's expected values, on process workers. */
class SeedExamplesTest {

    @AfterEach
    void closeGlobalLoop() {
        MpEventLoop.close();
    }

    @Test
    void alternativeApproachRunsAListOfEventsThenOneMore() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> results.add((Integer) result.value()));

        MpEventLoop.run(List.of(Event.of(Tasks::addOne, 1), Event.of(Tasks::addOne, 2), Event.of(Tasks::addOne, 3)),
                saveResults);
        MpEventLoop.addEvent(Tasks::addOne, 4);
        MpEventLoop.runUntilComplete(List.of());

        assertThat(results).containsExactly(2, 3, 4, 5);
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(14);
    }

    @Test
    void aBoundReceiverTravelsAsACopySoTheCallersObjectNeverChanges() {
        Abc a = new Abc(1, 2, 0);
        try (EventLoop loop = EventLoop.builder().hasResults(false).build().start()) {
            EventFuture<String> before = loop.addEvent(Tasks::print, "=====", a, "=====");
            loop.addEvent(a::calcC);
            EventFuture<String> after = loop.addEvent(Tasks::describeAbc, a);

            assertThat(before.join()).isEqualTo("===== ABC(a=1, b=2, c=0) =====");
            assertThat(after.join()).isEqualTo("ABC(a=1, b=2, c=0)");
        }
        assertThat(a.c).isZero();
    }

    @Test
    void anEventKeyLetsAHandlerCopyTheWorkersResultBackIntoTheMainObject() {
        Abc a = new Abc(1, 2, 0);
        ResultHandler saveObject = Abc.copiedBackInto(a, "a");
        try (EventLoop loop = EventLoop.builder().outputHandlers(saveObject).build().start()) {
            loop.addEvent(Tasks::print, "=====", a, "=====");
            loop.addEvent(a::calcC);
            loop.addEvent(Event.of(a::calcCAndReturn).key("a"));
        }
        assertThat(a).hasToString("ABC(a=1, b=2, c=3)");
    }

    @Test
    void aCustomEventRunsItsOwnRunMethodInTheWorker() {
        List<Object> printed = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().outputHandlers(ResultHandler.of(r -> printed.add(r.isSuccess() ? r.value() : r.error()))).build()) {
            loop.addEvent(new MyEvent(10));
            loop.start();
        }
        assertThat(printed).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void aHandlerReturningTrueStopsPropagation() {
        List<String> lines = new CopyOnWriteArrayList<>();
        ResultHandler printMyEvent = result -> {
            if (result.event() instanceof MyEvent) {
                lines.add("My Event " + result.value());
                return true;
            }
            lines.add("Not My Event");
            return false;
        };
        ResultHandler printEvent = ResultHandler.of(result -> lines.add("Normal Event " + result.value()));

        try (EventLoop loop = EventLoop.builder().outputHandlers(printMyEvent, printEvent).build().start()) {
            loop.addEvent(Tasks::addOne, 1);
            loop.addEvent(Tasks::addOne, 2);
            loop.addEvent(new MyEvent(3));
            loop.addEvent(Tasks::addOne, 4);
            loop.addEvent(new MyEvent(5));
        }

        assertThat(lines).containsExactly("Not My Event", "Normal Event 2", "Not My Event", "Normal Event 3",
                "My Event [0, 1, 2]", "Not My Event", "Normal Event 5", "My Event [0, 1, 2, 3, 4]");
    }
}
