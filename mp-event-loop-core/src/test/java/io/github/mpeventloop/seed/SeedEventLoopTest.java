package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.MpEventLoop;
import io.github.mpeventloop.ResultConsumer;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.MovingPoint;
import io.github.mpeventloop.fixtures.SeedPoint;
import io.github.mpeventloop.fixtures.Tasks;

/** The seed's {@code tests/test_event_loop.py}, on process workers. */
class SeedEventLoopTest {

    @AfterEach
    void closeGlobalLoop() {
        MpEventLoop.close();
    }

    /** {@code test_global_loop}: the global loop, used twice; the second time it is the same loop, restarted. */
    @Test
    void globalLoop() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> results.add((Integer) result.value()));

        EventLoop first;
        try (EventLoop loop = MpEventLoop.getEventLoop(saveResults)) {
            first = loop;
            MpEventLoop.addEvent(Tasks::addOne, 1);
            MpEventLoop.addEvent(Tasks::addOne, 2);
            MpEventLoop.addEvent(Tasks::addOne, 3);
            MpEventLoop.addEvent(Event.of(Tasks::addOne, 4));
        }
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(14);

        results.clear();
        try (EventLoop loop = MpEventLoop.getEventLoop()) {
            assertThat(loop).as("the same global loop").isSameAs(first);
            MpEventLoop.addEvent(Tasks::addVals, 1, 2);
            MpEventLoop.addEvent(Tasks::addVals, 3, 4);
            MpEventLoop.addEvent(Tasks::addVals, 5, 6);
            MpEventLoop.addEvent(Event.of(Tasks::addVals, 7, 8));
        }
        assertThat(results).containsExactly(3, 7, 11, 15);
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(36);
    }

    /**
     * {@code test_concurrency}: three loops feed one consumer. The seed's loops shared an output
     * queue that the first loop consumed with its own handler for everybody's results; here each
     * loop keeps its own handlers and the shared {@link ResultConsumer} runs each loop's handlers
     * for that loop's results, on its one thread (see {@link ResultConsumer}). The same handler
     * given to the three loops records all of them, as the seed's did. The seed's assertion that
     * the loops interleave compared a list with strings and could not fail; here the first round
     * of each loop is handled before the next rounds are submitted, so each loop's records must
     * be spread among the others'.
     */
    @Test
    void concurrency() {
        List<String> records = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ResultHandler saveRecord = ResultHandler.of(result -> {
            records.add((String) result.value());
            threads.add(Thread.currentThread().getName());
        });
        List<String> names = List.of("EL 1", "EL two", "EL three");
        try (ResultConsumer shared = new ResultConsumer("seed-shared")) {
            List<EventLoop> loops = new ArrayList<>();
            try {
                for (String name : names) {
                    loops.add(EventLoop.builder().name(name.replace(' ', '-')).consumer(shared)
                            .outputHandlers(saveRecord).build().start());
                }
                for (int i = 0; i < 200; i++) {
                    for (int l = 0; l < loops.size(); l++) {
                        loops.get(l).addEvent(Tasks::echo, names.get(l) + "\t" + i);
                    }
                    if (i == 0) {
                        loops.forEach(EventLoop::awaitIdle);
                    }
                }
            } finally {
                loops.forEach(EventLoop::close);
            }
        }

        assertThat(records).hasSize(600);
        assertThat(threads).containsOnly("mp-event-loop-consumer-seed-shared");
        for (String name : names) {
            assertThat(records.stream().filter(record -> record.startsWith(name + "\t")).toList())
                    .as("each loop's records, in its order")
                    .isEqualTo(IntStream.range(0, 200).mapToObj(i -> name + "\t" + i).toList());
        }
        assertThat(records.indexOf("EL two\t0")).isLessThan(records.indexOf("EL 1\t199"));
        assertThat(records.indexOf("EL 1\t0")).isLessThan(records.indexOf("EL three\t199"));
    }

    /** The global facade takes every form {@code EventLoop.addEvent} takes, up to four arguments, returning or not. */
    @Test
    void theGlobalFacadeHasEveryFormOfAddEvent() {
        SeedPoint point = new SeedPoint(0, 0, 0);
        MovingPoint moving = new MovingPoint(0, 0, 0);
        List<EventFuture<?>> voids = List.of(
                MpEventLoop.addEvent(SeedPoint::setZ, point, 3),
                MpEventLoop.addEvent(SeedPoint::move, point, 1, 2),
                MpEventLoop.addEvent(MovingPoint::move, moving, 1, 2, 3));

        assertThat(MpEventLoop.addEvent(Tasks::cachedCount).join()).isZero();
        assertThat(MpEventLoop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        assertThat(MpEventLoop.addEvent(Tasks::addVals, 1, 2).join()).isEqualTo(3);
        assertThat(MpEventLoop.addEvent((Integer a, Integer b, Integer c) -> a + b + c, 1, 2, 3).join()).isEqualTo(6);
        assertThat(MpEventLoop.addEvent((Integer a, Integer b, Integer c, Integer d) -> a + b + c + d, 1, 2, 3, 4).join())
                .isEqualTo(10);
        assertThat(voids).allSatisfy(future -> assertThat(future.join()).isNull());
        assertThat(point.x).as("the caller's object travelled as a copy").isZero();
    }

    /** {@code test_event_loop}: 206 events in submission order after {@code wait} and {@code stop}. */
    @Test
    void eventLoop() {
        List<Integer> records = new CopyOnWriteArrayList<>();
        EventLoop loop = EventLoop.builder().name("seed-event-loop").build();
        loop.addOutputHandler(ResultHandler.of(result -> records.add((Integer) result.value())));
        loop.start();
        try {
            for (int i = 1; i <= 6; i++) {
                loop.addEvent(Event.of(Tasks::addOne, i).cached());
            }
            for (int i = 0; i < 200; i++) {
                loop.addEvent(Event.of(Tasks::addOne, i).cached());
            }
            loop.awaitIdle();
        } finally {
            loop.stop();
        }

        List<Integer> expected = new ArrayList<>();
        IntStream.range(2, 8).forEach(expected::add);
        IntStream.range(1, 201).forEach(expected::add);
        assertThat(records).isEqualTo(expected);
    }
}
