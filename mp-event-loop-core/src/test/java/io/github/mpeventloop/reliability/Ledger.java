package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.ResultHandler;

/**
 * Records how every event ended twice, once from its future and once from an output handler, so
 * that a test can show each event ended exactly once: no gap, no duplicate.
 */
final class Ledger {

    private final Map<Long, Throwable> fromFutures = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> succeededFromFutures = new ConcurrentHashMap<>();
    private final List<Long> fromHandler = new CopyOnWriteArrayList<>();
    private final List<EventResult<?>> results = new CopyOnWriteArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();

    ResultHandler handler() {
        return ResultHandler.of(result -> {
            fromHandler.add(result.eventId());
            results.add(result);
        });
    }

    void track(EventFuture<?> future) {
        future.whenComplete((value, error) -> {
            if (error == null) {
                succeededFromFutures.put(future.id(), true);
            } else {
                fromFutures.put(future.id(), error);
            }
            ended.incrementAndGet();
        });
    }

    int ended() {
        return ended.get();
    }

    Map<Long, Throwable> failures() {
        return fromFutures;
    }

    List<EventResult<?>> results() {
        return results;
    }

    /** Every one of {@code count} events ended once in the futures and once in the handler. */
    void assertEachEndedExactlyOnce(int count) {
        assertThat(succeededFromFutures.size() + fromFutures.size()).as("events ended per futures").isEqualTo(count);
        assertThat(fromHandler).as("events seen by the handler").hasSize(count).doesNotHaveDuplicates();
        assertThat(fromHandler).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(succeededFromFutures.keySet().stream(), fromFutures.keySet().stream())
                        .toList());
    }
}
