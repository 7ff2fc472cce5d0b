package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventTimeoutException;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;

/**
 * Remote workers are isolated as local ones are: each is a child JVM of its agent, so a
 * {@code System.exit} or a timeout ends that one process only, and the loop replaces it on the
 * same agent. One agent (a JVM of its own) runs all the workers of these loops.
 */
class RemoteIsolationTest {

    @RegisterExtension
    static final SharedCluster cluster = new SharedCluster(1);

    private static Set<Long> pids(EventLoop loop) {
        return loop.workers().stream().map(WorkerInfo::pid).collect(Collectors.toSet());
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void systemExitInOneWorkerFailsOnlyItsEventAndTheAgentReplacesThatWorker() {
        long agent = cluster.get().members.get(0).pid();
        try (EventLoop loop = EventLoop.builder().name("exit").workers(3)
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.get().parent)).build().start()) {
            Set<Long> before = pids(loop);
            assertThat(before).hasSize(3).allSatisfy(pid -> assertThat(cluster.get().agentOf(pid).pid()).isEqualTo(agent));
            Tasks.Exiter exiter = loop.cacheObject(new Tasks.Exiter());
            long victim = loop.addEvent(Event.of(exiter::pid).cached()).join();
            List<EventFuture<Long>> others = new ArrayList<>();
            for (long i = 0; i < 300; i++) {
                others.add(loop.addEvent(Tasks::square, i));
            }
            EventFuture<Integer> exit = loop.addEvent(Event.of(exiter::exit).cached());

            assertThatThrownBy(exit::join).hasCauseInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("exited with code 7").hasMessageContaining("on Hazelcast member")
                    .hasMessageContaining("(pid " + agent + ")");
            await().atMost(Duration.ofSeconds(60)).until(() -> loop.workers().size() == 3 && !pids(loop).contains(victim));
            Set<Long> after = pids(loop);
            Set<Long> kept = new HashSet<>(before);
            kept.remove(victim);
            assertThat(after).as("the other workers keep running").containsAll(kept).hasSize(3);
            assertThat(after).allSatisfy(pid -> assertThat(cluster.get().agentOf(pid).pid()).isEqualTo(agent));
            assertThat(kept).allSatisfy(pid -> assertThat(running(pid)).isTrue());
            await().atMost(Duration.ofSeconds(30)).until(() -> !running(victim));
            assertThat(cluster.get().members.get(0).isAlive()).as("the agent").isTrue();
            assertThat(loop.restarts()).isEqualTo(1);
            for (int i = 0; i < others.size(); i++) {
                assertThat(others.get(i).join()).isEqualTo((long) i * i);
            }
        }
    }

    @Test
    void aTimeoutKillsOnlyThatWorkersProcess() {
        long agent = cluster.get().members.get(0).pid();
        try (EventLoop loop = EventLoop.builder().name("timeout").workers(2)
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.get().parent)).build().start()) {
            Set<Long> before = pids(loop);
            EventFuture<Long> hang = loop.addEvent(Event.of(Tasks::sleep, 600_000L).timeout(Duration.ofSeconds(1)));

            assertThatThrownBy(hang::join).hasCauseInstanceOf(EventTimeoutException.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> loop.workers().size() == 2 && !pids(loop).equals(before));
            Set<Long> gone = new HashSet<>(before);
            gone.removeAll(pids(loop));
            assertThat(gone).as("workers replaced").hasSize(1);
            long killed = gone.iterator().next();
            await().atMost(Duration.ofSeconds(30)).until(() -> !running(killed));
            Set<Long> kept = new HashSet<>(before);
            kept.remove(killed);
            assertThat(kept).hasSize(1).allSatisfy(pid -> assertThat(running(pid)).isTrue());
            assertThat(pids(loop)).containsAll(kept);
            assertThat(cluster.get().members.get(0).isAlive()).as("the agent").isTrue();
            assertThat(pids(loop)).allSatisfy(pid -> assertThat(cluster.get().agentOf(pid).pid()).isEqualTo(agent));
            assertThat(loop.addEvent(Tasks::square, 12L).join()).isEqualTo(144L);
        }
    }
}
