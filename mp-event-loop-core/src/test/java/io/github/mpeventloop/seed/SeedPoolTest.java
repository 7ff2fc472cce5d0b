package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.Proxy;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.SeedPoint;
import io.github.mpeventloop.fixtures.Tasks;

/** The seed's {@code tests/test_pool.py} ({@code Pool(4)} is a loop of four workers), on process workers. */
class SeedPoolTest {

    private static EventLoop pool(String name, ResultHandler handler) {
        return EventLoop.builder().name(name).workers(4).outputHandlers(handler).build().start();
    }

    /** {@code test_pool}: four results, in any order, all handled once the pool closed. */
    @Test
    void pool() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        try (EventLoop pool = pool("seed-pool", ResultHandler.of(result -> results.add((Integer) result.value())))) {
            pool.addEvent(Tasks::addVals, 1, 2);
            pool.addEvent(Tasks::addVals, 3, 4);
            pool.addEvent(Tasks::addVals, 5, 6);
            pool.addEvent(Tasks::addVals, 7, 8);
        }
        assertThat(results).containsExactlyInAnyOrder(3, 7, 11, 15);
    }

    /** {@code test_pool_map}: when {@code map} returns, the handlers have seen every result. */
    @Test
    void poolMap() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        try (EventLoop pool = pool("seed-pool-map", ResultHandler.of(result -> results.add((Integer) result.value())))) {
            List<Integer> values = pool.map(pair -> Tasks.addVals(pair.get(0), pair.get(1)),
                    List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6), List.of(7, 8)));

            assertThat(results).containsExactlyInAnyOrder(3, 7, 11, 15);
            assertThat(values).containsExactly(3, 7, 11, 15);
        }
    }

    /**
     * {@code map} ends after the handlers even when they are slow: each result keeps its handler
     * busy (200 ms of work), and the assertion right after {@code map} returns sees them all.
     */
    @Test
    void mapWithABusyHandlerReturnsOnceEveryResultWasHandled() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ResultHandler busy = ResultHandler.of(result -> {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(result.value());
        });
        try (EventLoop pool = pool("seed-pool-busy", busy)) {
            List<Integer> items = IntStream.range(0, 8).boxed().toList();

            List<Integer> values = pool.map(Tasks::addOne, items);

            assertThat(seen).as("results the handler saw when map returned")
                    .containsExactlyInAnyOrderElementsOf(List.copyOf(values));
            assertThat(values).isEqualTo(IntStream.range(1, 9).boxed().toList());

            List<Integer> batched = pool.map(Tasks::addOne, items, 3);
            assertThat(seen).as("one handled result per batch, all in when map returned").hasSize(8 + 3)
                    .contains(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8));
            assertThat(batched).isEqualTo(values);
        }
    }

    /**
     * {@code test_pool_cache}: a proxy on a pool, and a map over a method bound to a local point:
     * the map's calls run on copies in the workers, so neither the local point nor the proxy's
     * mirror takes their values; the proxy's own call reaches its mirror.
     */
    @Test
    void poolCache() {
        List<Object> results = new CopyOnWriteArrayList<>();
        try (EventLoop pool = pool("seed-pool-cache", ResultHandler.of(result -> results.add(result.value())))) {
            Proxy<SeedPoint> p = Proxy.of(SeedPoint.class).mirroring("x", "y", "getZ").create(pool, SeedPoint::new, 0, 0, 0);
            p.run(SeedPoint::move, 1, 2);

            SeedPoint local = new SeedPoint(0, 0, 0);
            List<List<Integer>> moved = pool.map(local::moveTo,
                    List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9), List.of(10, 11, 12)));

            assertThat(moved).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9), List.of(10, 11, 12));
            assertThat(results).hasSize(4);
            assertThat(local.x).isZero();
            assertThat(local.y).isZero();
            assertThat(local.getZ()).isZero();
            p.awaitSync();
            assertThat(p.get("x")).isEqualTo(1);
            assertThat(p.get("y")).isEqualTo(2);
            assertThat(p.get("getZ")).isEqualTo(0);
        }
    }
}
