package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultConsumer;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.SeedIterators;

/**
 * The seed's {@code tests/test_iter_loop.py} on process workers: three loops feeding one consumer,
 * each running five iterators of twenty items ({@code MyIter}). The seed asserted nothing; here
 * every item arrives, each iterator's in its order, all handled on the one shared consumer thread.
 * The seed's generator variant was disabled (generators cannot be pickled); in Java an iterator
 * target is the same case.
 */
class SeedIterLoopTest {

    @Test
    void iterator() {
        Map<String, List<Object>> items = new ConcurrentHashMap<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        ResultHandler saveRecord = ResultHandler.of((EventResult<?> result) -> {
            threads.add(Thread.currentThread().getName());
            if (result.isItem()) {
                items.computeIfAbsent((String) result.eventKey(), key -> new CopyOnWriteArrayList<>()).add(result.value());
            }
        });
        List<String> names = List.of("EL 1", "EL two", "EL three");
        try (ResultConsumer shared = new ResultConsumer("seed-iter")) {
            List<EventLoop> loops = new ArrayList<>();
            try {
                for (String name : names) {
                    loops.add(EventLoop.builder().name("iter-" + name.replace(' ', '-')).consumer(shared)
                            .outputHandlers(saveRecord).build().start());
                }
                for (int i = 0; i < 5; i++) {
                    for (int l = 0; l < loops.size(); l++) {
                        String key = names.get(l) + " - " + i + " iter";
                        loops.get(l).addEvent(Event.of(SeedIterators::countDown, key, 20).key(key));
                    }
                }
            } finally {
                loops.forEach(EventLoop::close);
            }
        }

        List<Object> countDown = IntStream.iterate(20, i -> i > 0, i -> i - 1).boxed().map(Object.class::cast).toList();
        assertThat(items).hasSize(15);
        items.forEach((key, values) -> assertThat(values).as(key).isEqualTo(countDown));
        assertThat(threads).hasSize(15 * 21).containsOnly("mp-event-loop-consumer-seed-iter");
    }
}
