package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Abc;
import io.github.mpeventloop.fixtures.Counter;
import io.github.mpeventloop.fixtures.MovingPoint;
import io.github.mpeventloop.fixtures.Tasks;

/** Objects that live in workers: cached objects, proxies and named variables, on process workers. */
class ObjectsTest {

    @Test
    void withoutCachingCStaysZeroWithCachingItBecomesThree() {
        Abc copied = new Abc(1, 2, 0);
        Abc cached = new Abc(1, 2, 0);
        try (EventLoop loop = EventLoop.builder().name("cache-abc").hasResults(false).build().start()) {
            loop.addEvent(copied::calcC);
            assertThat(loop.addEvent(Tasks::describeAbc, copied).join()).isEqualTo("ABC(a=1, b=2, c=0)");

            loop.addEvent(Event.of(cached::calcC).cached());
            assertThat(loop.isObjectCached(cached)).isTrue();
            assertThat(loop.addEvent(Event.of(Tasks::describeAbc, cached).cached()).join())
                    .isEqualTo("ABC(a=1, b=2, c=3)");
        }
        assertThat(copied.c).isZero();
        assertThat(cached.c).isZero();
    }

    @Test
    void theCachedObjectIsReadBackUnderItsKeyIntoTheMainObject() {
        Abc a = new Abc(1, 2, 0);
        ResultHandler saveObject = Abc.copiedBackInto(a, "a");
        try (EventLoop loop = EventLoop.builder().name("read-back").outputHandlers(saveObject).build().start()) {
            loop.cacheObject(a);
            loop.addEvent(Event.of(a::calcC).cached());
            assertThat(a.c).isZero();
            loop.addEvent(Event.readCached(a).key("a"));
        }
        assertThat(a).hasToString("ABC(a=1, b=2, c=3)");
    }

    @Test
    void reRegisteringReplacesTheWorkersCopy() {
        Counter counter = new Counter();
        try (EventLoop loop = EventLoop.builder().name("re-register").build().start()) {
            loop.cacheObject(counter);
            loop.addEvent(Event.of(counter::increment).cached());
            assertThat(loop.addEvent(Event.of(counter::increment).cached()).join()).isEqualTo(2);
            counter.count = 10;
            loop.reRegister(counter);
            assertThat(loop.addEvent(Event.of(counter::increment).cached()).join()).isEqualTo(11);
            assertThat(loop.releaseObject(counter)).isTrue();
            assertThat(loop.isObjectCached(counter)).isFalse();
            assertThatThrownBy(() -> loop.addEvent(Event.readCached(counter)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not cached");
        }
    }

    @Test
    void aProxyMirrorsItsPropertiesOnlyAfterItsCallsRan() {
        EventLoop loop = EventLoop.builder().name("proxy").build();
        Proxy<MovingPoint> point = Proxy.of(MovingPoint.class).mirroring("x", "y", "getZ")
                .create(loop, MovingPoint::new, 0, 0, 0);
        point.run(MovingPoint::setZ, 3);
        point.run(MovingPoint::move, 1, 2, 7);
        assertThat(point.get("x")).as("the constructor's value, the calls not run yet").isEqualTo(0);
        assertThat(point.get("y")).isEqualTo(0);
        assertThat(point.get("getZ")).isEqualTo(0);

        loop.start();
        loop.close();

        assertThat(point.get("x")).isEqualTo(1);
        assertThat(point.get("y")).isEqualTo(2);
        assertThat(point.get("getZ", Integer.class)).isEqualTo(7);
        assertThatThrownBy(() -> point.get("z")).as("a private field that is not mirrored")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not mirror 'z'").hasMessageContaining("[x, y, getZ]");
    }

    @Test
    void aProxyBuiltWithConstructorArgumentsSyncsOnAwaitSync() {
        try (EventLoop loop = EventLoop.builder().name("proxy-sync").build().start()) {
            Proxy<MovingPoint> point = Proxy.of(MovingPoint.class).mirroring("x", "y")
                    .create(loop, MovingPoint::new, 2, 3, 0);
            point.awaitSync();
            assertThat(point.get("x")).isEqualTo(2);
            assertThat(point.get("y")).isEqualTo(3);

            point.run(MovingPoint::move, 5, 6, 7);
            EventFuture<Integer> z = point.call(MovingPoint::getZ);
            point.awaitSync();
            assertThat(point.get("x")).isEqualTo(5);
            assertThat(point.get("y")).isEqualTo(6);
            assertThat(z.join()).isEqualTo(7);
        }
    }

    @Test
    void eventsOnCachedCountersGoToTheWorkerThatHoldsThemInOrder() {
        try (EventLoop loop = EventLoop.builder().name("affinity").workers(2).build().start()) {
            List<Counter> counters = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                counters.add(loop.cacheObject(new Counter()));
            }
            List<EventFuture<Integer>> last = new ArrayList<>();
            for (int round = 0; round < 100; round++) {
                last.clear();
                for (Counter counter : counters) {
                    last.add(loop.addEvent(Event.of(counter::increment).cached()));
                }
            }
            assertThat(last).allSatisfy(future -> assertThat(future.join()).isEqualTo(100));
            for (Counter counter : counters) {
                assertThat(loop.addEvent(Event.readCached(counter)).join().count).isEqualTo(100);
            }
            assertThat(counters.stream().map(counter -> loop.addEvent(Event.of(counter::pid).cached()).join())
                    .distinct()).as("workers holding counters").hasSize(2);
        }
    }

    @Test
    void cachedObjectsTheCallerDropsAreReleasedInTheWorker() {
        try (EventLoop loop = EventLoop.builder().name("release").build().start()) {
            for (int i = 0; i < 10_000; i++) {
                Counter counter = new Counter();
                loop.addEvent(Event.of(counter::increment).cached().noOutput());
            }
            loop.awaitIdle();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                System.gc();
                return loop.addEvent(Tasks::cachedCount).join() < 100;
            });
        }
    }

    @Test
    void anObjectLostWithItsWorkerFailsTheNextCallOnItAndNothingElse() {
        try (EventLoop loop = EventLoop.builder().name("lost").workers(2).build().start()) {
            Counter first = loop.cacheObject(new Counter());
            long firstPid = loop.addEvent(Event.of(first::pid).cached()).join();
            Counter other = null;
            for (int i = 0; i < 20 && other == null; i++) {
                Counter candidate = loop.cacheObject(new Counter());
                if (loop.addEvent(Event.of(candidate::pid).cached()).join() != firstPid) {
                    other = candidate;
                }
            }
            assertThat(other).as("a counter on the other worker").isNotNull();
            loop.addEvent(Event.of(other::increment).cached()).join();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.workers().size() == 2
                    && loop.workers().stream().noneMatch(worker -> worker.pid() == firstPid));

            assertThatThrownBy(() -> loop.addEvent(Event.of(first::increment).cached()).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(CachedObjectLostException.class)
                    .hasMessageContaining("was lost");
            assertThat(loop.addEvent(Event.of(other::increment).cached()).join()).isEqualTo(2);
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        }
    }

    @Test
    void aProxyMadeToBeRebuiltIsBuiltAgainAfterItsWorkerDiedAndAnotherOneFails() {
        try (EventLoop loop = EventLoop.builder().name("rebuild").build().start()) {
            Proxy<MovingPoint> rebuilt = Proxy.of(MovingPoint.class).mirroring("x").rebuildOnLoss()
                    .create(loop, MovingPoint::new, 2, 3, 0);
            Proxy<MovingPoint> plain = Proxy.of(MovingPoint.class).create(loop, MovingPoint::new, 2, 3, 0);
            rebuilt.run(MovingPoint::move, 5, 6, 7);
            assertThat(rebuilt.call(MovingPoint::getZ).join()).isEqualTo(7);
            assertThat(plain.call(MovingPoint::getZ).join()).isZero();

            long pid = loop.workers().get(0).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.workers().size() == 1
                    && loop.workers().get(0).pid() != pid);

            assertThat(rebuilt.call(MovingPoint::getZ).join()).as("built afresh from its factory").isZero();
            rebuilt.awaitSync();
            assertThat(rebuilt.get("x")).isEqualTo(2);
            assertThatThrownBy(() -> plain.call(MovingPoint::getZ).join()).cause()
                    .isInstanceOf(CachedObjectLostException.class);
        }
    }

    @Test
    void theWorkerInitializerMakesNamedVariablesInEveryWorkerReplacementsIncluded() {
        try (EventLoop loop = EventLoop.builder().name("variables")
                .workerInitializer(() -> Map.of("counter", new Counter())).build().start()) {
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).isEqualTo(1);
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).isEqualTo(2);
            assertThatThrownBy(() -> loop.addVarEvent("nope", Counter::increment).join())
                    .cause().hasMessageContaining("no variable 'nope'");

            long pid = loop.workers().get(0).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.workers().size() == 1
                    && loop.workers().get(0).pid() != pid);
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).isEqualTo(1);
        }
    }
}
