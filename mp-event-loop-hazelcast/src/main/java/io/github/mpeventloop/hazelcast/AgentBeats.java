package io.github.mpeventloop.hazelcast;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.hazelcast.cluster.Member;

/**
 * The parent's heartbeats to the agents that run its workers: a {@link ParentBeat} to each, four
 * times per loss timeout, on an executor of its own in the agents (so that chunks do not delay
 * them). An agent that has not answered for the loss timeout, or that answers that it no longer
 * holds this parent's workers, is given up: its workers are lost here. Hazelcast's membership
 * events give up a member that leaves sooner; this is what notices a cut link or a stalled agent
 * within the loop's own time, whatever Hazelcast's failure detector is set to.
 */
final class AgentBeats implements AutoCloseable {

    private final Duration lossTimeout;
    private final Function<Member, CompletableFuture<Boolean>> beat;
    private final BiConsumer<Member, String> lost;
    private final Runnable eachRound;
    private final long periodNanos;
    private final Map<UUID, Watched> agents = new ConcurrentHashMap<>();
    private final Map<UUID, Long> givenUp = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    private static final class Watched {
        final Member agent;
        volatile long heardNanos = System.nanoTime();

        Watched(Member agent) {
            this.agent = agent;
        }
    }

    /** {@code eachRound} runs on the heartbeats' thread after each round, for checks on the same period. */
    AgentBeats(String loopName, Duration lossTimeout, Function<Member, CompletableFuture<Boolean>> beat,
            BiConsumer<Member, String> lost, Runnable eachRound) {
        this.lossTimeout = lossTimeout;
        this.beat = beat;
        this.lost = lost;
        this.eachRound = eachRound;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mp-event-loop-" + loopName + "-agent-beats");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, lossTimeout.toMillis() / 4);
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(period);
        timer.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    /** Time between two rounds of heartbeats. */
    long periodNanos() {
        return periodNanos;
    }

    /** Starts watching an agent that now runs one of this parent's workers. */
    void watch(Member agent) {
        agents.computeIfAbsent(agent.getUuid(), uuid -> new Watched(agent)).heardNanos = System.nanoTime();
    }

    /** Stops watching an agent whose workers were all lost; it gets no new worker for twice the loss timeout. */
    void forget(Member agent) {
        if (agents.remove(agent.getUuid()) != null) {
            givenUp.put(agent.getUuid(), System.nanoTime());
        }
    }

    /**
     * Whether {@code agent} was given up lately: a cut link is noticed here before Hazelcast's
     * failure detector removes the member, and a replacement must not be started there meanwhile.
     */
    boolean givenUp(Member agent) {
        Long at = givenUp.get(agent.getUuid());
        if (at == null) {
            return false;
        }
        if (System.nanoTime() - at > 2 * lossTimeout.toNanos()) {
            givenUp.remove(agent.getUuid());
            return false;
        }
        return true;
    }

    private void round() {
        long now = System.nanoTime();
        for (Watched watched : agents.values()) {
            if (now - watched.heardNanos > lossTimeout.toNanos()) {
                lost.accept(watched.agent, "did not answer heartbeats for " + lossTimeout.toMillis() + " ms");
                continue;
            }
            beat.apply(watched.agent).whenComplete((held, failure) -> {
                if (Boolean.TRUE.equals(held)) {
                    watched.heardNanos = System.nanoTime();
                } else if (failure == null && agents.get(watched.agent.getUuid()) == watched) {
                    lost.accept(watched.agent, "no longer holds this parent's workers (it gave the parent up)");
                }
            });
        }
        eachRound.run();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
