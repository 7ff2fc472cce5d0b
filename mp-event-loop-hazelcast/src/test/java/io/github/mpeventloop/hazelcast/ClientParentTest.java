package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;

/** A parent that is a Hazelcast client, smart or unisocket, runs its events on the agents as a member parent does. */
class ClientParentTest {

    @ParameterizedTest
    @EnumSource(value = TestCluster.Parent.class, names = {"SMART_CLIENT", "UNISOCKET_CLIENT"})
    void aClientParentGetsEveryResultExactlyOnce(TestCluster.Parent kind) throws Exception {
        int n = 2_000;
        Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
        List<EventFuture<Long>> futures = new ArrayList<>(n);
        try (TestCluster cluster = new TestCluster(2, kind)) {
            try (EventLoop loop = EventLoop.builder().name("client-" + kind).workers(2)
                    .workerLauncher(HazelcastWorkerLauncher.on(cluster.parent))
                    .outputHandlers(ResultHandler.of(result -> handled
                            .computeIfAbsent(result.eventId(), id -> new AtomicInteger()).incrementAndGet()))
                    .build().start()) {
                assertThat(loop.workers()).extracting(WorkerInfo::pid)
                        .allSatisfy(pid -> assertThat(cluster.members).contains(cluster.agentOf(pid)));
                assertThat(loop.addEvent(Tasks::addVals, 2, 1).join()).isEqualTo(3);
                for (long i = 0; i < n; i++) {
                    futures.add(loop.addEvent(Tasks::square, i));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(futures.get(i).join()).isEqualTo((long) i * i);
        }
        assertThat(handled).hasSize(n + 1);
        assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }
}
