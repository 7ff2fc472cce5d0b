package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventTimeoutException;
import io.github.mpeventloop.RemoteEventException;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.Target;
import io.github.mpeventloop.TargetNotAllowedException;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.fixtures.Hazards;
import io.github.mpeventloop.fixtures.Tasks;

/** Targets that exit, halt, run out of memory or stack, or hang: each error as the user sees it, and the loop goes on. */
class FailureModesTest {

    private static Throwable failureOf(EventFuture<?> future) {
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class);
        return future.handle((value, error) -> error).join();
    }

    @Test
    void aTargetCallingSystemExitLosesItsWorkerWhichIsReplaced() {
        try (EventLoop loop = EventLoop.builder().name("exit").build().start()) {
            assertThat(failureOf(loop.addEvent(Hazards::exit, 7))).isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("exited with code 7")
                    .satisfies(error -> assertThat(((WorkerLostException) error).exitCode()).isEqualTo(7));
            assertThat(failureOf(loop.addEvent(Hazards::halt, 42))).isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("exited with code 42");
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            assertThat(loop.restarts()).isEqualTo(2);
        }
    }

    @Test
    void aTargetThatExhaustsTheHeapEndsItsWorkerWithExitCode3AndTheNextEventRuns() {
        try (EventLoop loop = EventLoop.builder().name("oom").jvmOptions("-Xmx32m").build().start()) {
            assertThat(failureOf(loop.addEvent(Hazards::allocateForever))).isInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("code 3: out of memory");
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        }
    }

    @Test
    void anOutOfMemoryErrorThrownByTheTargetIsAnsweredAndThenEndsTheWorker() {
        try (EventLoop loop = EventLoop.builder().name("thrown-oom").build().start()) {
            long pid = loop.workers().get(0).pid();
            assertThat(failureOf(loop.addEvent(Hazards::throwOutOfMemory))).isInstanceOf(RemoteEventException.class)
                    .hasMessageContaining("java.lang.OutOfMemoryError: thrown on purpose");
            assertThat(loop.addEvent(Tasks::pid).join()).isNotEqualTo(pid);
        }
    }

    @Test
    void deepRecursionFailsItsEventAndTheWorkerServesTheNext() {
        try (EventLoop loop = EventLoop.builder().name("recursion").build().start()) {
            long pid = loop.workers().get(0).pid();
            Throwable error = failureOf(loop.addEvent(Hazards::recurse, 0));
            assertThat(error).isInstanceOf(RemoteEventException.class);
            assertThat(((RemoteEventException) error).remoteClassName()).isEqualTo("java.lang.StackOverflowError");
            assertThat(error.getStackTrace()).hasSizeLessThanOrEqualTo(1024);
            assertThat(loop.addEvent(Tasks::pid).join()).isEqualTo(pid);
        }
    }

    @Test
    void aTargetThatNeverReturnsTimesOutItsWorkerIsReplacedAndItsNeighbourIsRetried() {
        try (EventLoop loop = EventLoop.builder().name("timeout").build().start()) {
            long pid = loop.workers().get(0).pid();
            EventFuture<Integer> hanging = loop.addEvent(Event.of(Hazards::hang).timeout(Duration.ofMillis(500)));
            EventFuture<Integer> behind = loop.addEvent(Event.of(Tasks::addOne, 1).retries(1));

            assertThat(failureOf(hanging)).isInstanceOf(EventTimeoutException.class)
                    .hasMessageContaining("did not finish within PT0.5S")
                    .hasMessageContaining("the worker was ended and is replaced");
            assertThat(behind.join()).isEqualTo(2);
            assertThat(loop.workers()).extracting(WorkerInfo::pid).doesNotContain(pid);
        }
    }

    @Test
    void anEventQueuedBeforeTheLoopStartsKeepsItsTimeout() {
        try (EventLoop loop = EventLoop.builder().name("timeout-before-start").build()) {
            EventFuture<Integer> hanging = loop.addEvent(Event.of(Hazards::hang).timeout(Duration.ofMillis(500)));
            EventFuture<Integer> behind = loop.addEvent(Event.of(Tasks::addOne, 1).retries(1));
            loop.start();

            assertThat(failureOf(hanging)).isInstanceOf(EventTimeoutException.class)
                    .hasMessageContaining("did not finish within PT0.5S");
            assertThat(behind.join()).isEqualTo(2);
        }
    }

    @Test
    void theLoopsDefaultTimeoutAppliesToEveryEvent() {
        try (EventLoop loop = EventLoop.builder().name("default-timeout").eventTimeout(Duration.ofMillis(300)).build()
                .start()) {
            assertThat(failureOf(loop.addEvent(Hazards::hang))).isInstanceOf(EventTimeoutException.class);
            // The follow-up runs on a cold replacement worker; its own generous timeout keeps a loaded
            // machine from timing it out too, while the hang above shows the loop-wide default applies.
            assertThat(loop.addEvent(Event.of(Tasks::addOne, 1).timeout(Duration.ofMinutes(1))).join()).isEqualTo(2);
        }
    }

    @Test
    void platformMethodsAreRefusedAsTargets() {
        try (EventLoop loop = EventLoop.builder().name("platform").backend(Backend.THREAD).build().start()) {
            assertThatThrownBy(() -> loop.addEvent((Target.Run1<Integer>) System::exit, 3))
                    .isInstanceOf(TargetNotAllowedException.class).hasMessageContaining("java.lang.System::exit");
            assertThatThrownBy(() -> loop.register("exit", (Target.Run1<Integer>) System::exit))
                    .isInstanceOf(TargetNotAllowedException.class);
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
        }
    }

    @Test
    void aHandlerThatBlocksHoldsBackOnlyItsOwnLoop() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Object> blockedSaw = new CopyOnWriteArrayList<>();
        List<Object> otherSaw = new CopyOnWriteArrayList<>();
        try (EventLoop blocked = EventLoop.builder().name("blocked").backend(Backend.THREAD)
                .outputHandlers(ResultHandler.of(result -> {
                    awaitQuietly(release);
                    blockedSaw.add(result.value());
                })).build().start();
                EventLoop other = EventLoop.builder().name("other").backend(Backend.THREAD)
                        .outputHandlers(ResultHandler.of(result -> otherSaw.add(result.value()))).build().start()) {
            for (int i = 0; i < 10; i++) {
                blocked.addEvent(Tasks::addOne, i);
                other.addEvent(Tasks::addOne, i);
            }
            assertThat(other.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(otherSaw).hasSize(10);
            assertThat(blockedSaw).isEmpty();
            release.countDown();
        }
        assertThat(blockedSaw).hasSize(10);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
