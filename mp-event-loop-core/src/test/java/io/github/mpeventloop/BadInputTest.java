package io.github.mpeventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.fixtures.Tasks;

/** Each bad input gets a clear error, and the events around it still complete. */
class BadInputTest {

    private static final List<EventResult<?>> handled = new CopyOnWriteArrayList<>();
    private static EventLoop loop;

    @BeforeAll
    static void startLoop() {
        loop = EventLoop.builder().name("bad-input").maxFrameBytes(64 * 1024)
                .outputHandlers(ResultHandler.of(handled::add))
                .register("add_vals", (Target.Call2<Integer, Integer, Integer>) Tasks::addVals)
                .build().start();
    }

    @AfterAll
    static void closeLoop() {
        loop.close();
    }

    @Test
    void anArgumentJacksonCannotCarryIsRefusedAtSubmissionNamingIndexAndType() {
        EventFuture<Integer> before = loop.addEvent(Tasks::addOne, 1);
        int depth = loop.queueDepth();

        assertThatThrownBy(() -> loop.addEvent(Tasks::describe, new Object()))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("argument 0")
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> loop.addEvent(Tasks::describe, Thread.currentThread()))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("argument 0")
                .hasMessageContaining("java.lang.Thread");
        assertThat(loop.queueDepth()).isLessThanOrEqualTo(depth);

        EventFuture<Integer> after = loop.addEvent(Tasks::addOne, 2);
        assertThat(before.join()).isEqualTo(2);
        assertThat(after.join()).isEqualTo(3);
    }

    @Test
    void anArgumentOfTheWrongTypeForANamedTargetIsRefusedAtSubmission() {
        assertThatThrownBy(() -> loop.addEvent("add_vals", "two", 3))
                .isInstanceOf(ArgumentNotTransferableException.class)
                .hasMessageContaining("argument 0 of type java.lang.String")
                .hasMessageContaining("the target takes int");
        assertThatThrownBy(() -> loop.addEvent("add_vals", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 arguments, the event has 1");
        assertThat(loop.addEvent("add_vals", 2, 3).join()).isEqualTo(5);
    }

    @Test
    void anUnknownTargetNameIsRefusedAtSubmission() {
        assertThatThrownBy(() -> loop.addEvent("no_such_target", 1))
                .isInstanceOf(UnknownTargetException.class)
                .hasMessageContaining("'no_such_target'")
                .hasMessageContaining("add_vals");
        assertThat(loop.addEvent(Tasks::addOne, 41).join()).isEqualTo(42);
    }

    @Test
    void anArgumentOverTheFrameLimitIsRefusedWithoutHarmingOtherEvents() {
        String big = "x".repeat(200 * 1024);
        EventFuture<Integer> before = loop.addEvent(Tasks::length, "small");

        assertThatThrownBy(() -> loop.addEvent(Tasks::length, big))
                .isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("frame limit of 65536 bytes");

        assertThat(before.join()).isEqualTo(5);
        assertThat(loop.addEvent(Tasks::length, "x".repeat(1000)).join()).isEqualTo(1000);
    }

    @Test
    void aHundredMegabyteArgumentIsRefusedAtTheLimitWithoutBeingEncodedInFull() {
        String huge = "z".repeat(100 * 1024 * 1024);
        assertThatThrownBy(() -> loop.addEvent(Tasks::length, huge)).isInstanceOf(FrameTooLargeException.class)
                .hasMessageContaining("over the frame limit of 65536 bytes")
                .satisfies(error -> assertThat(((FrameTooLargeException) error).size()).isLessThan(1024 * 1024));
        assertThat(loop.addEvent(Tasks::length, "ok").join()).isEqualTo(2);
    }

    @Test
    void aResultOverTheFrameLimitFailsOnlyItsEvent() {
        EventFuture<String> big = loop.addEvent(Tasks::repeat, "y", 100_000);
        EventFuture<String> small = loop.addEvent(Tasks::repeat, "z", 3);

        assertThatThrownBy(big::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RemoteEventException.class)
                .hasMessageContaining(FrameTooLargeException.class.getName());
        assertThat(small.join()).isEqualTo("zzz");
    }

    @Test
    void aTargetThatThrowsFailsItsEventWithTheRemoteExceptionAndTheWorkerGoesOn() {
        EventFuture<Integer> failing = loop.addEvent(Event.of(Tasks::fail, "boom").key("failing"));
        EventFuture<Integer> next = loop.addEvent(Tasks::addOne, 9);

        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RemoteEventException.class)
                .hasMessageContaining("java.lang.IllegalStateException: boom")
                .satisfies(error -> {
                    RemoteEventException remote = (RemoteEventException) error;
                    assertThat(remote.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(remote.remoteMessage()).isEqualTo("boom");
                    assertThat(remote.getStackTrace()[0].getClassName()).isEqualTo(Tasks.class.getName());
                    assertThat(remote.getStackTrace()[0].getMethodName()).isEqualTo("fail");
                });
        assertThat(next.join()).isEqualTo(10);
        loop.awaitIdle();
        assertThat(handled).anySatisfy(result -> {
            assertThat(result.eventKey()).isEqualTo("failing");
            assertThat(result.isSuccess()).isFalse();
            assertThat(result.error()).isInstanceOf(RemoteEventException.class);
        });
    }

    @Test
    void aHandlerThatThrowsIsLoggedAndTheNextHandlersAndEventsGoOn() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (EventLoop own = EventLoop.builder().name("throwing-handler").backend(Backend.THREAD)
                .outputHandlers(result -> {
                    if (Integer.valueOf(2).equals(result.value())) {
                        throw new IllegalStateException("handler failed on purpose");
                    }
                    return false;
                }, ResultHandler.of(result -> seen.add(result.value())))
                .build().start()) {
            for (int i = 0; i < 4; i++) {
                own.addEvent(Tasks::addOne, i);
            }
        }
        assertThat(seen).containsExactly(1, 2, 3, 4);
    }
}
