package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.fixtures.Abc;
import io.github.mpeventloop.fixtures.Tasks;

/**
 * The seed's {@code tests/test_object_passing.py}, on process workers. The seed printed the
 * states and asserted almost nothing; here every printed line is a value the test checks.
 */
class SeedObjectPassingTest {

    /**
     * {@code test_object_state}: an object passed by value is a copy, so the worker's change never
     * reaches it; a cached object lives on in the worker and keeps its changes; the caller's object
     * is never changed.
     */
    @Test
    void objectState() {
        Abc a = new Abc(1, 2, 0);
        Abc b = new Abc(5, 7, 0);
        try (EventLoop loop = EventLoop.builder().name("seed-object-state").hasResults(false).build().start()) {
            EventFuture<String> first = loop.addEvent(Tasks::print, "=====", a, "=====");
            loop.addEvent(a::calcC);
            EventFuture<String> copied = loop.addEvent(Tasks::describeAbc, a);

            loop.addEvent(Event.of(a::calcC).cached());
            EventFuture<String> cached = loop.addEvent(Event.of(Tasks::print, "Cached", a, "").cached());
            EventFuture<String> notCached = loop.addEvent(Tasks::print, "No cache", a, "");

            EventFuture<String> bFirst = loop.addEvent(Tasks::print, "=====", b, "=====");
            loop.addEvent(b::calcC);
            EventFuture<String> bNotCached = loop.addEvent(Tasks::print, "No cache", b, "");
            loop.addEvent(Event.of(b::calcC).cached());
            EventFuture<String> bCached = loop.addEvent(Event.of(Tasks::print, "Cached", b, "").cached());

            assertThat(first.join()).isEqualTo("===== ABC(a=1, b=2, c=0) =====");
            assertThat(copied.join()).isEqualTo("ABC(a=1, b=2, c=0)");
            assertThat(cached.join()).isEqualTo("Cached ABC(a=1, b=2, c=3) ");
            assertThat(notCached.join()).isEqualTo("No cache ABC(a=1, b=2, c=0) ");
            assertThat(bFirst.join()).isEqualTo("===== ABC(a=5, b=7, c=0) =====");
            assertThat(bNotCached.join()).isEqualTo("No cache ABC(a=5, b=7, c=0) ");
            assertThat(bCached.join()).isEqualTo("Cached ABC(a=5, b=7, c=12) ");
        }
        assertThat(a).hasToString("ABC(a=1, b=2, c=0)");
        assertThat(b).hasToString("ABC(a=5, b=7, c=0)");
    }

    /**
     * {@code test_cache_object}: the worker's copy of a cached object is read back under a key,
     * and a handler copies it into the caller's object; after the loop, the caller's object has the
     * worker's state.
     */
    @Test
    void cacheObject() {
        Abc a = new Abc(1, 2, 0);
        List<String> printed = new CopyOnWriteArrayList<>();
        ResultHandler saveResultObject = Abc.copiedBackInto(a, "a");
        ResultHandler print = ResultHandler.of(result -> printed.add(String.valueOf(result.value())));
        try (EventLoop loop = EventLoop.builder().name("seed-cache-object").outputHandlers(saveResultObject, print)
                .build().start()) {
            loop.addEvent(Tasks::print, "=====", a, "=====");
            loop.addEvent(a::calcC);
            loop.addEvent(Tasks::print, "No cache", a, "");

            loop.addEvent(Event.of(a::calcC).cached());
            loop.addEvent(Event.of(Tasks::print, "Cached", a, "").cached());

            loop.cacheObject(a);
            loop.addEvent(Event.readCached(a).key("a"));
            loop.addEvent(Event.of(Tasks::print, "Cached", a, "").cached());
        }
        assertThat(a).as("after the loop: the worker's state, copied back").hasToString("ABC(a=1, b=2, c=3)");
        assertThat(printed).containsExactly("===== ABC(a=1, b=2, c=0) =====", "null", "No cache ABC(a=1, b=2, c=0) ",
                "null", "Cached ABC(a=1, b=2, c=3) ", "Cached ABC(a=1, b=2, c=3) ");
    }
}
