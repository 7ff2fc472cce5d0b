package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/**
 * What ends a remote session besides its worker's exit: a start its parent gave up waiting for,
 * and a piece of the worker's output that never arrives. One agent (a JVM of its own), this JVM as
 * the parent.
 */
class RemoteSessionLossTest {

    private static final Duration LOSS_TIMEOUT = Duration.ofSeconds(2);
    @RegisterExtension
    static final SharedCluster cluster = new SharedCluster(1);

    private static WorkerLauncherFactory capturing(AtomicReference<HazelcastWorkerLauncher> launcher) {
        return settings -> {
            HazelcastWorkerLauncher created = new HazelcastWorkerLauncher(cluster.get().parent, settings, LOSS_TIMEOUT);
            launcher.set(created);
            return created;
        };
    }

    private static Set<Long> pids(EventLoop loop) {
        return loop.workers().stream().map(WorkerInfo::pid).collect(Collectors.toSet());
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aWorkerWhoseStartItsParentGaveUpWaitingForIsEndedByTheAgent() {
        AtomicReference<HazelcastWorkerLauncher> launcher = new AtomicReference<>();
        ProcessHandle agent = ProcessHandle.of(cluster.get().members.get(0).pid()).orElseThrow();
        try (EventLoop loop = EventLoop.builder().name("abandoned-start").workers(1)
                .workerLauncher(capturing(launcher)).build().start()) {
            Set<Long> loopWorkers = pids(loop);

            assertThatThrownBy(() -> launcher.get().launch(9, "secret", Duration.ofMillis(1)))
                    .isInstanceOf(WorkerStartException.class).hasMessageContaining("did not start");

            AtomicLong stray = new AtomicLong(-1);
            await("the agent starts the worker it was asked for").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        agent.children().map(ProcessHandle::pid).filter(pid -> !loopWorkers.contains(pid)).findFirst()
                                .ifPresent(stray::set);
                        return stray.get() > 0;
                    });
            await("the agent ends it, though its parent lives on").atMost(Duration.ofSeconds(60))
                    .until(() -> !running(stray.get()));
            assertThat(loop.addEvent(Tasks::square, 5L).join()).isEqualTo(25L);
            assertThat(pids(loop)).isEqualTo(loopWorkers);
        }
    }

    @Test
    void aPieceOfOutputThatNeverArrivesLosesTheWorkerInsteadOfStallingIt() {
        AtomicReference<HazelcastWorkerLauncher> launcher = new AtomicReference<>();
        try (EventLoop loop = EventLoop.builder().name("lost-piece").workers(1).livenessTimeout(Duration.ofMinutes(5))
                .workerLauncher(capturing(launcher)).build().start()) {
            long first = loop.workers().get(0).pid();
            EventFuture<Long> plain = loop.addEvent(Tasks::sleepOn, first, 600_000L);
            EventFuture<Long> retried = loop.addEvent(Event.of(Tasks::sleepOn, first, 600_000L).retries(1));
            RemoteWorker worker = launcher.get().sessions().iterator().next();

            cluster.get().parent.<UpChunk>getTopic(launcher.get().upTopic())
                    .publish(UpChunk.data(worker.sessionId(), 1_000_000_000L, new byte[] {1, 2, 3}));

            assertThatThrownBy(plain::join).hasCauseInstanceOf(WorkerLostException.class)
                    .hasMessageContaining("of the worker's output was lost on the way");
            long replacement = retried.join();
            assertThat(replacement).as("retried on the replacement").isNotEqualTo(first);
            await("the agent ends the worker that was given up").atMost(Duration.ofSeconds(60))
                    .until(() -> !running(first));
            assertThat(loop.addEvent(Tasks::square, 6L).join()).isEqualTo(36L);
        }
    }
}
