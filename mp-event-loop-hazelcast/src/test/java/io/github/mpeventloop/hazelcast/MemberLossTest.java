package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerLostException;

/**
 * A worker member killed with SIGKILL while its events run: every event ends exactly once, as its
 * result or as a {@link WorkerLostException} naming the member, or, with {@code retries(1)}, as its
 * result from the member that survives.
 */
class MemberLossTest {

    private static final int EVENTS = 3_000;

    private TestCluster cluster;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = new TestCluster(2);
    }

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Event ids seen by the output handler, with how often each was seen. */
    private final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();

    private EventLoop startLoop(String name) {
        ResultHandler ledger = ResultHandler.of(result -> {
            handled.computeIfAbsent(result.eventId(), id -> new AtomicInteger()).incrementAndGet();
            attempts.put(result.eventId(), result.attempts());
        });
        return EventLoop.builder().name(name).workers(2)
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.parent))
                .outputHandlers(ledger).build().start();
    }

    /** Submits the events, kills the member of worker 2 once some results came back, waits for all to end. */
    private List<EventFuture<Long>> runAndKill(EventLoop loop, int retries, Process[] killed) {
        List<EventFuture<Long>> futures = new ArrayList<>(EVENTS);
        for (long i = 0; i < EVENTS; i++) {
            futures.add(loop.addEvent(Event.of(Tasks::slowSquare, i).retries(retries)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() >= EVENTS / 10);
        long victimPid = loop.workers().get(1).pid();
        Process victim = cluster.member(victimPid);
        killed[0] = victim;
        victim.destroyForcibly(); // SIGKILL
        await().atMost(Duration.ofSeconds(90)).until(() -> futures.stream().allMatch(EventFuture::isDone));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == EVENTS);
        return futures;
    }

    private void assertLedgerExact(List<EventFuture<Long>> futures) {
        List<Long> ids = futures.stream().map(EventFuture::id).collect(Collectors.toList());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(handled.keySet()).as("ids the handler saw").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(handled.values()).as("times each id reached the handler").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void aKilledMembersEventsFailWithWorkerLostNamingItAndNoneIsLostOrDoubled() throws Exception {
        Process[] killed = new Process[1];
        List<EventFuture<Long>> futures;
        try (EventLoop loop = startLoop("kill")) {
            futures = runAndKill(loop, 0, killed);
        }
        assertThat(killed[0].waitFor()).as("exit code of a SIGKILLed JVM").isEqualTo(137);
        assertLedgerExact(futures);
        int lost = 0;
        for (int i = 0; i < EVENTS; i++) {
            try {
                assertThat(futures.get(i).join()).isEqualTo((long) i * i);
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(WorkerLostException.class)
                        .hasMessageContaining("on Hazelcast member")
                        .hasMessageContaining("left the cluster");
                lost++;
            }
        }
        assertThat(lost).as("events in flight on the killed member").isPositive();
    }

    @Test
    void withOneRetryEveryEventSucceedsOnTheSurvivingMember() throws Exception {
        Process[] killed = new Process[1];
        List<EventFuture<Long>> futures;
        try (EventLoop loop = startLoop("kill-retry")) {
            futures = runAndKill(loop, 1, killed);
            long survivor = cluster.members.stream().filter(p -> p != killed[0]).findFirst().orElseThrow().pid();
            assertThat(loop.workers()).as("workers after the loss").isNotEmpty()
                    .allSatisfy(worker -> assertThat(worker.pid()).isEqualTo(survivor));
            assertThat(loop.restarts()).isPositive();
        }
        assertLedgerExact(futures);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(futures.get(i).join()).isEqualTo((long) i * i);
        }
        assertThat(attempts.values()).as("events that ran a second time").contains(2);
    }
}
