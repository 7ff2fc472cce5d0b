package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;

/**
 * The parent in this JVM, two host agents as JVMs of their own, on loopback; the workers are child
 * JVMs of the agents.
 */
class HazelcastBackendTest {

    @RegisterExtension
    static final SharedCluster cluster = new SharedCluster(2);

    private static EventLoopBuilder loop(String name) {
        return EventLoop.builder().name(name).workers(2)
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.get().parent));
    }

    @Test
    void quickStartEventsRunInWorkerMembers() {
        List<Integer> results = new CopyOnWriteArrayList<>();
        ResultHandler saveResults = ResultHandler.of(result -> results.add((Integer) result.value()));
        try (EventLoop loop = loop("quick-start").outputHandlers(saveResults).build().start()) {
            loop.addEvent(Tasks::addVals, 2, 1);
            loop.addEvent(Tasks::addVals, 3, 4);
            loop.addEvent(Tasks::addVals, 5, 6);
            loop.addEvent(Event.of(Tasks::addVals, 7, 8));
        }
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(36);
    }

    @Test
    void workersAreChildProcessesOfTheAgentsOnePerAgent() {
        try (EventLoop loop = loop("placement").build().start()) {
            List<Long> workerPids = loop.workers().stream().map(WorkerInfo::pid).collect(Collectors.toList());
            assertThat(workerPids.stream().map(pid -> cluster.get().agentOf(pid).pid()))
                    .containsExactlyInAnyOrderElementsOf(cluster.get().members.stream().map(Process::pid).toList());
            assertThat(loop.addEvent(Tasks::pid).join()).isIn(workerPids);
        }
    }

    @Test
    void tenThousandEventsCompleteWithExactResultsInOrderAtTheHandlers() {
        int n = 10_000;
        List<Long> handled = new CopyOnWriteArrayList<>();
        List<EventFuture<Long>> futures = new ArrayList<>(n);
        try (EventLoop loop = loop("ten-thousand").outputHandlers(ResultHandler.of(result -> {
            handled.add((Long) result.value());
        })).build().start()) {
            for (long i = 0; i < n; i++) {
                futures.add(loop.addEvent(Tasks::square, i));
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(futures.get(i).join()).isEqualTo((long) i * i);
        }
        assertThat(handled).hasSize(n);
        assertThat(handled.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(futures.stream().mapToLong(EventFuture::join).sum());
    }

    @Test
    void cachedCountersKeepTheirMemberAcrossInterleavedCalls() {
        try (EventLoop loop = loop("affinity").build().start()) {
            List<Tasks.Counter> counters = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                counters.add(loop.cacheObject(new Tasks.Counter()));
            }
            List<EventFuture<Integer>> last = new ArrayList<>();
            for (int round = 0; round < 100; round++) {
                last.clear();
                for (Tasks.Counter counter : counters) {
                    last.add(loop.addEvent(Event.of(counter::increment).cached()));
                }
            }
            assertThat(last).allSatisfy(future -> assertThat(future.join()).isEqualTo(100));
            for (Tasks.Counter counter : counters) {
                assertThat(loop.addEvent(Event.readCached(counter)).join().count).isEqualTo(100);
            }
            assertThat(counters.stream().map(counter -> loop.addEvent(Event.of(counter::pid).cached()).join())
                    .distinct()).as("members holding counters").hasSize(2);
        }
    }

    /**
     * The launcher's in-flight factor reaches the loop: with no maximum given, a remote worker holds
     * {@link HazelcastWorkerLauncher#IN_FLIGHT_FACTOR} times the local default maximum (512). The events
     * are asynchronous and wait behind a gate in the worker: they count against the maximum only, not
     * against the window that follows measured execution times (FlowWindowTest covers that window), so
     * the count reached is the maximum's on any machine, not a race's.
     */
    @Test
    void aRemoteWorkerHoldsMoreEventsThanTheLocalDefaultMaximum(@TempDir Path directory) throws Exception {
        String gate = directory.resolve("gate").toString();
        int remoteMax = HazelcastWorkerLauncher.IN_FLIGHT_FACTOR * EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER;
        int held = remoteMax + EventLoopBuilder.DEFAULT_MAX_IN_FLIGHT_PER_WORKER;
        try (EventLoop loop = loop("window").workers(1).build().start()) {
            List<EventFuture<Long>> gated = new ArrayList<>();
            for (long i = 0; i < held; i++) {
                gated.add(loop.addAsync(Tasks::squareBehindGate, i, gate));
            }
            Awaitility.await().atMost(Duration.ofMinutes(1))
                    .untilAsserted(() -> assertThat(loop.workers().get(0).inFlight()).isEqualTo(remoteMax));
            assertThat(loop.queueDepth()).as("events the maximum keeps in the parent").isEqualTo(held - remoteMax);
            Files.createFile(Path.of(gate));
            for (int i = 0; i < held; i++) {
                assertThat(gated.get(i).join()).isEqualTo((long) i * i);
            }
        }
    }
}
