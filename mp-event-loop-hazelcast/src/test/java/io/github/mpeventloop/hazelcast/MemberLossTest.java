package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventFuture;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.ResultHandler;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.WorkerLostException;

/**
 * A host agent killed with SIGKILL while its worker holds events: every event ends exactly once,
 * as its result or as a {@link WorkerLostException} naming the agent's member, or, with
 * {@code retries(1)}, as its result from the agent that survives.
 *
 * <p>The first half of the events run freely; the second half wait in the members for a gate
 * file, so that both members hold a window of events when one is killed. The gate opens after
 * the kill.
 */
class MemberLossTest {

    private static final int EVENTS = 4_000;
    private static final int GATE_FROM = EVENTS / 2;

    @TempDir
    Path temp;

    private TestCluster cluster;
    /** Event ids seen by the output handler, with how often each was seen. */
    private final Map<Long, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();

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

    private EventLoop startLoop(String name) {
        ResultHandler ledger = ResultHandler.of(result -> {
            handled.computeIfAbsent(result.eventId(), id -> new AtomicInteger()).incrementAndGet();
            attempts.put(result.eventId(), result.attempts());
        });
        // a loss timeout longer than the cluster's heartbeat timeout: the membership event tells of the loss
        return EventLoop.builder().name(name).workers(2)
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.parent, Duration.ofSeconds(60)))
                .outputHandlers(ledger).build().start();
    }

    /** What the kill left behind. */
    private record Kill(Process member, int heldEvents, List<EventFuture<Long>> futures) {
    }

    /** Submits the events, kills the member of worker 2 while both hold gated events, opens the gate, waits for all. */
    private Kill runAndKill(EventLoop loop, int retries) throws Exception {
        Path gate = temp.resolve("gate");
        List<EventFuture<Long>> futures = new ArrayList<>(EVENTS);
        for (long i = 0; i < EVENTS; i++) {
            futures.add(loop.addEvent(Event.of(Tasks::gatedSquare, i, (long) GATE_FROM, gate.toString())
                    .retries(retries)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == GATE_FROM
                && loop.workers().size() == 2 && loop.workers().stream().allMatch(w -> w.inFlight() > 1));
        WorkerInfo victim = loop.workers().get(1);
        Process member = cluster.agentOf(victim.pid());
        member.destroyForcibly(); // SIGKILL
        assertThat(member.waitFor()).as("exit code of a SIGKILLed JVM").isEqualTo(137);
        Files.createFile(gate);
        await().atMost(Duration.ofSeconds(90)).until(() -> futures.stream().allMatch(EventFuture::isDone));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == EVENTS);
        return new Kill(member, victim.inFlight(), futures);
    }

    private void assertLedgerExact(List<EventFuture<Long>> futures) {
        List<Long> ids = futures.stream().map(EventFuture::id).collect(Collectors.toList());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(handled.keySet()).as("ids the handler saw").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(handled.values()).as("times each id reached the handler")
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void aKilledMembersEventsFailWithWorkerLostNamingItAndNoneIsLostOrDoubled() throws Exception {
        Kill kill;
        try (EventLoop loop = startLoop("kill")) {
            kill = runAndKill(loop, 0);
        }
        assertLedgerExact(kill.futures());
        int lost = 0;
        for (int i = 0; i < EVENTS; i++) {
            try {
                assertThat(kill.futures().get(i).join()).isEqualTo((long) i * i);
            } catch (CompletionException e) {
                assertThat(i).as("a failed event was gated").isGreaterThanOrEqualTo(GATE_FROM);
                assertThat(e.getCause()).isInstanceOf(WorkerLostException.class)
                        .hasMessageContaining("on Hazelcast member")
                        .hasMessageContaining("(pid " + kill.member().pid() + ")")
                        .hasMessageContaining("left the cluster");
                lost++;
            }
        }
        assertThat(lost).as("events the killed member held").isGreaterThanOrEqualTo(kill.heldEvents())
                .isGreaterThan(1);
    }

    @Test
    void withOneRetryEveryEventSucceedsOnTheSurvivingMember() throws Exception {
        Kill kill;
        try (EventLoop loop = startLoop("kill-retry")) {
            kill = runAndKill(loop, 1);
            long survivor = cluster.members.stream().filter(p -> p != kill.member()).findFirst().orElseThrow().pid();
            // the replacement is a worker JVM the surviving agent starts: it may come after the last event
            await().atMost(Duration.ofSeconds(60)).until(() -> loop.restarts() > 0 && loop.workers().size() == 2);
            assertThat(loop.workers()).as("workers after the loss")
                    .allSatisfy(worker -> assertThat(cluster.agentOf(worker.pid()).pid()).isEqualTo(survivor));
        }
        assertLedgerExact(kill.futures());
        for (int i = 0; i < EVENTS; i++) {
            assertThat(kill.futures().get(i).join()).isEqualTo((long) i * i);
        }
        assertThat(attempts.values().stream().filter(n -> n == 2).count()).as("events that ran a second time")
                .isGreaterThanOrEqualTo(kill.heldEvents());
    }
}
