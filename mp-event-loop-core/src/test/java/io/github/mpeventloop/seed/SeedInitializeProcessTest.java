package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.Proxy;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.fixtures.Counter;
import io.github.mpeventloop.fixtures.MovingPoint;
import io.github.mpeventloop.fixtures.SeedPoint;
import io.github.mpeventloop.fixtures.Tasks;

/**
 * The seed's {@code tests/proxy/test_initialize_process.py} (and its {@code var_event.py}) on
 * process workers: a worker initializer makes a named point, and {@code add_var_event('p', 'move',
 * 2, 3)} moves it. The seed's home-made {@code VarEventLoop} lost its initializer, so its var event
 * printed "Invalid target (None)" and nothing noticed; here the move's effect is checked. Also the
 * seed's {@code save_variables}, on a running loop whose worker is then killed.
 */
class SeedInitializeProcessTest {

    @Test
    void initializeProcess() {
        List<Object> results = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.builder().name("seed-initialize")
                .outputHandlers(ResultHandler.of(result -> results.add(result.value())))
                .workerInitializer(() -> Map.of("p", new SeedPoint(1, 1, 0), "m", new MovingPoint(0, 0, 0)))
                .build().start()) {
            EventFuture<Void> moved = loop.addVarEvent("p", SeedPoint::move, 2, 3);
            EventFuture<Integer> x = loop.addVarEvent("p", SeedPoint::getX);
            EventFuture<Integer> y = loop.addVarEvent("p", SeedPoint::getY);
            loop.awaitIdle();

            assertThat(moved).isCompleted();
            assertThat(x.join()).isEqualTo(2);
            assertThat(y.join()).isEqualTo(3);
            assertThat(loop.addVarEvent("p", SeedPoint::moveTo, List.of(4, 5, 6)).join()).containsExactly(4, 5, 6);
            assertThat(loop.addVarEvent("m", MovingPoint::move, 7, 8, 9).join()).isNull();
            assertThat(loop.addVarEvent("m", (MovingPoint m, Integer a, Integer b, Integer c) -> m.x + m.y + m.getZ() + a + b + c,
                    1, 2, 3).join()).isEqualTo(30);
        }
        assertThat(results).containsExactly(null, 2, 3, List.of(4, 5, 6), null, 30);
    }

    /** The seed's {@code test_proxy} of the same file: the constructor's values at once, then the move's. */
    @Test
    void proxy() {
        Proxy<SeedPoint> p;
        try (EventLoop loop = EventLoop.builder().name("seed-initialize-proxy").build().start()) {
            p = Proxy.of(SeedPoint.class).mirroring("x", "y").create(loop, SeedPoint::new, 1, 1, 0);
            assertThat(p.get("x")).isEqualTo(1);
            assertThat(p.get("y")).isEqualTo(1);
            p.run(SeedPoint::move, 2, 3);
        }
        assertThat(p.get("x")).isEqualTo(2);
        assertThat(p.get("y")).isEqualTo(3);
    }

    /**
     * {@code save_variables} after start reaches every live worker: each worker in turn is kept
     * busy by an event that waits for the test, so the var event between must run on the other.
     */
    @Test
    void saveVariablesAfterStartReachesEveryLiveWorker() throws Exception {
        try (ServerSocket signal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EventLoop loop = EventLoop.builder().name("seed-save-variables").workers(2).build().start()) {
            assertThatThrownBy(() -> loop.addVarEvent("counter", Counter::increment).join())
                    .cause().hasMessageContaining("no variable 'counter'");

            loop.saveVariables(() -> Map.of("counter", new Counter()));

            Set<Long> pids = new HashSet<>();
            EventFuture<String> first = loop.addEvent(Tasks::awaitSignal, signal.getLocalPort());
            try (Socket firstBusy = signal.accept()) {
                pids.add(loop.addVarEvent("counter", Counter::pid).join());
                EventFuture<String> second = loop.addEvent(Tasks::awaitSignal, signal.getLocalPort());
                try (Socket secondBusy = signal.accept()) {
                    release(firstBusy);
                    assertThat(first.join()).isEqualTo("signalled 1");
                    pids.add(loop.addVarEvent("counter", Counter::pid).join());
                    release(secondBusy);
                    assertThat(second.join()).isEqualTo("signalled 1");
                }
            }
            assertThat(pids).as("workers that ran a var event")
                    .containsExactlyInAnyOrderElementsOf(loop.workers().stream().map(WorkerInfo::pid).toList());
        }
    }

    private static void release(Socket busy) throws IOException {
        OutputStream out = busy.getOutputStream();
        out.write(1);
        out.flush();
    }

    /**
     * {@code save_variables} after start reaches the workers started later: the replacement of a
     * worker killed with SIGKILL has the variable, made afresh.
     */
    @Test
    void saveVariablesAfterStartReachesTheReplacementOfAKilledWorker() {
        try (EventLoop loop = EventLoop.builder().name("seed-save-variables-replaced").build().start()) {
            loop.saveVariables(() -> Map.of("counter", new Counter(), "p", new SeedPoint(1, 1, 0)));
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).isEqualTo(1);
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).isEqualTo(2);

            long killed = loop.workers().get(0).pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> loop.workers().size() == 1
                    && loop.workers().get(0).pid() != killed);

            long replacement = loop.workers().get(0).pid();
            assertThat(loop.addVarEvent("counter", Counter::pid).join()).isEqualTo(replacement);
            assertThat(loop.addVarEvent("counter", Counter::increment).join()).as("made afresh").isEqualTo(1);
            assertThat(loop.addVarEvent("p", SeedPoint::getX).join()).isEqualTo(1);
        }
    }
}
