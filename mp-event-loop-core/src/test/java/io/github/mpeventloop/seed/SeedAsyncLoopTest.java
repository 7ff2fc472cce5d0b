package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.AsyncTasks;

/**
 * The seed's {@code tests/test_async_loop.py} on a process worker: three coroutines, then two
 * async generators. The seed ran each coroutine to its end in one step, so their values were the
 * first three results; here an awaited stage completes on its own thread, so a generator's items
 * may reach the handlers before it: the three values are checked by their events' order, and every
 * generator item is present, each generator's in its order.
 */
class SeedAsyncLoopTest {

    @Test
    void asyncEventLoop() {
        List<Object> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> {
            if (!result.isEndOfStream()) {
                results.add(result.value());
            }
        });
        EventFuture<Integer> hello;
        EventFuture<Integer> hi;
        EventFuture<Integer> oi;
        try (EventLoop loop = EventLoop.builder().name("seed-async").outputHandlers(saveResults).build().start()) {
            hello = loop.addAsync(AsyncTasks::printTest, 1, "hello");
            hi = loop.addAsync(AsyncTasks::printTest, 2, "hi");
            oi = loop.addAsync(AsyncTasks::printTest, 3, "oi");
            loop.addEvent(Event.of(AsyncTasks::yieldRange, 5, "first"));
            loop.addEvent(Event.of(AsyncTasks::yieldRange, 5, "second"));
        }

        assertThat(List.of(hello.join(), hi.join(), oi.join())).containsExactly(1, 2, 3);
        assertThat(results).hasSize(13).contains(1, 2, 3);
        for (String name : List.of("first", "second")) {
            assertThat(results.stream().filter(item -> item instanceof String text && text.startsWith(name)).toList())
                    .isEqualTo(IntStream.range(0, 5).mapToObj(i -> name + " " + i).toList());
        }
    }
}
