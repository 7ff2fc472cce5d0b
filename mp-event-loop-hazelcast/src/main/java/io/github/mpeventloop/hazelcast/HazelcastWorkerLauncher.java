package io.github.mpeventloop.hazelcast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.topic.ITopic;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerLauncher;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/**
 * Starts each worker as a child JVM on a host agent, a member of a Hazelcast cluster started with
 * {@link WorkerMember}, through the loop's launcher SPI. The agent starts the worker with the
 * core's own process launcher, from this loop's settings (JVM options, heap, worker main class),
 * so a crash, an {@code OutOfMemoryError} or a {@code System.exit} costs only that worker's
 * events, and a timeout kills only that process. The agent with the fewest of this loop's workers
 * (and room for another) gets the next one.
 *
 * <p>The parent may be a member (a lite member suits a parent that runs no workers) or a Hazelcast
 * client, smart or unisocket: bytes to a worker travel as executor tasks to its agent
 * ({@link Chunk}), bytes from it on a topic of this launcher ({@link UpChunk}), several pieces in
 * flight each way. A lost agent is noticed by Hazelcast's membership events, or when it does not
 * answer this launcher's heartbeats ({@link ParentBeat}) for the loss timeout; an agent that does
 * not hear this launcher for as long kills its workers.
 */
public final class HazelcastWorkerLauncher implements WorkerLauncher, MembershipListener {

    /** Member attribute, {@code "true"} on members that run workers (agents). */
    public static final String WORKER_ATTRIBUTE = "mp-event-loop.worker";
    /** Name of the executor service that carries the bytes to workers. */
    public static final String EXECUTOR = "mp-event-loop";
    /** Name of the executor service that carries heartbeats, apart so that nothing delays them. */
    public static final String CONTROL_EXECUTOR = "mp-event-loop-control";
    /** Name of the executor service whose tasks start workers (each waits for its worker JVM to connect). */
    public static final String OPEN_EXECUTOR = "mp-event-loop-open";
    /**
     * How many times a local worker's work this launcher's workers keep in flight
     * ({@link WorkerLauncher#inFlightFactor()}): 8 ms of queued work and at most 2,048 events per
     * worker unless the loop was given a maximum. Each piece costs Hazelcast the same whatever it
     * carries (an invocation, a serialised task and its answer, a topic message), so more events per
     * piece is what brings a remote worker's CPU per event near a local one's; the round trip, a few
     * hundred microseconds against tens, needs the longer queue besides.
     */
    public static final int IN_FLIGHT_FACTOR = 4;
    /** How long an agent and a parent wait to hear from each other before giving each other up. */
    public static final Duration DEFAULT_LOSS_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastWorkerLauncher.class);

    private final HazelcastInstance instance;
    private final LaunchSettings settings;
    private final Duration lossTimeout;
    private final UUID parentId = UUID.randomUUID();
    private final IExecutorService chunks;
    private final IExecutorService control;
    private final IExecutorService opens;
    private final ITopic<UpChunk> up;
    private final Map<String, RemoteWorker> workers = new ConcurrentHashMap<>();
    private final AgentBeats beats;
    private final ExecutorService followUps;
    private final Object membership = new Object();
    private final UUID membershipListener;
    private final UUID topicListener;

    /** A launcher on {@code instance} (a member or a client); see {@link #on(HazelcastInstance, Duration)}. */
    public HazelcastWorkerLauncher(HazelcastInstance instance, LaunchSettings settings, Duration lossTimeout) {
        checkLossTimeout(lossTimeout);
        this.instance = instance;
        this.settings = settings;
        this.lossTimeout = lossTimeout;
        this.chunks = instance.getExecutorService(EXECUTOR);
        this.control = instance.getExecutorService(CONTROL_EXECUTOR);
        this.opens = instance.getExecutorService(OPEN_EXECUTOR);
        this.up = instance.getTopic("mp-event-loop-up-" + parentId);
        this.topicListener = up.addMessageListener(message -> {
            UpChunk chunk = message.getMessageObject();
            RemoteWorker worker = workers.get(chunk.sessionId());
            if (worker != null) {
                worker.fromAgent(chunk);
            }
        });
        this.membershipListener = instance.getCluster().addMembershipListener(this);
        this.followUps = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mp-event-loop-" + settings.loopName() + "-pieces");
            thread.setDaemon(true);
            return thread;
        });
        this.beats = new AgentBeats(settings.loopName(), lossTimeout, this::sendBeat, this::agentLost,
                this::checkOrder);
    }

    /** For {@code EventLoop.builder().workerLauncher(...)}: workers on the agents of {@code instance}'s cluster. */
    public static WorkerLauncherFactory on(HazelcastInstance instance) {
        return on(instance, DEFAULT_LOSS_TIMEOUT);
    }

    /**
     * As {@link #on(HazelcastInstance)}, with the time after which a silent agent is given up here
     * (and this parent there). Shorter notices a lost host sooner; too short for the network's and
     * the JVMs' pauses gives up agents that were only slow (their events fail or are retried).
     */
    public static WorkerLauncherFactory on(HazelcastInstance instance, Duration lossTimeout) {
        checkLossTimeout(lossTimeout);
        return settings -> new HazelcastWorkerLauncher(instance, settings, lossTimeout);
    }

    private static void checkLossTimeout(Duration lossTimeout) {
        if (lossTimeout.isNegative() || lossTimeout.isZero()) {
            throw new IllegalArgumentException("the Hazelcast backend's loss timeout must be positive, was "
                    + lossTimeout);
        }
    }

    @Override
    public WorkerChannel launch(int workerId, String secret) {
        return launch(workerId, secret, settings.startTimeout());
    }

    /** As {@link #launch(int, String)}, waiting at most {@code answerWait} for the agent's answer. */
    WorkerChannel launch(int workerId, String secret, Duration answerWait) {
        String name = "mp-event-loop-" + settings.loopName() + "-worker-" + workerId;
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        List<String> refusals = new ArrayList<>();
        List<UUID> full = new ArrayList<>();
        try {
            while (true) {
                RemoteWorker worker = reserve(workerId, deadline, full, refusals);
                Member agent = worker.agent();
                try {
                    long wait = Math.min(answerWait.toNanos(), deadline - System.nanoTime());
                    long[] pids = opens.submitToMember(new OpenSession(worker.sessionId(), secret, workerId, parentId,
                            up.getName(), lossTimeout, settings), agent).get(Math.max(1,
                                    TimeUnit.NANOSECONDS.toMillis(wait)), TimeUnit.MILLISECONDS);
                    beats.watch(agent);
                    worker.started(pids[0], pids[1]);
                    LOG.debug("{} runs as process {} {}", name, pids[0], worker.where());
                    return worker;
                } catch (ExecutionException e) {
                    workers.remove(worker.sessionId());
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    if (String.valueOf(cause.getMessage()).contains(AgentHost.FULL)) {
                        full.add(agent.getUuid());
                        refusals.add(agent.getAddress() + ": " + cause.getMessage());
                        continue;
                    }
                    throw new WorkerStartException(name + " could not be started on Hazelcast member "
                            + agent.getAddress() + ": " + cause.getMessage(), cause);
                } catch (InterruptedException e) {
                    workers.remove(worker.sessionId());
                    abandon(worker);
                    throw e;
                } catch (TimeoutException e) {
                    workers.remove(worker.sessionId());
                    abandon(worker);
                    throw new WorkerStartException(name + " did not start on Hazelcast member " + agent.getAddress()
                            + " within " + answerWait.toMillis() + " ms", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStartException(name + " could not be started: interrupted", e);
        } catch (RuntimeException e) {
            if (e instanceof WorkerStartException start) {
                throw start;
            }
            throw new WorkerStartException(name + " could not be started: " + e, e);
        }
    }

    /**
     * Places a worker on the agent with the fewest of this launcher's workers and room for another,
     * waiting for one to join.
     */
    private RemoteWorker reserve(int workerId, long deadline, List<UUID> full, List<String> refusals)
            throws InterruptedException {
        synchronized (membership) {
            while (true) {
                Member best = instance.getCluster().getMembers().stream()
                        .filter(member -> "true".equals(member.getAttribute(WORKER_ATTRIBUTE)))
                        .filter(member -> !full.contains(member.getUuid()) && !beats.givenUp(member))
                        .filter(member -> workersOn(member) < maxWorkers(member))
                        .min(Comparator.comparingLong(this::workersOn)).orElse(null);
                if (best != null) {
                    RemoteWorker worker = new RemoteWorker(workerId, best, this::send, followUps, workers::remove);
                    workers.put(worker.sessionId(), worker);
                    return worker;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WorkerStartException(settings.loopName() + "-worker-" + workerId
                            + " could not be started: no member of Hazelcast cluster \"" + clusterName()
                            + "\" runs workers with room for another (agents are members started with "
                            + WorkerMember.class.getName() + "; they carry the attribute " + WORKER_ATTRIBUTE
                            + "=true); waited " + settings.startTimeout().toMillis() + " ms"
                            + (refusals.isEmpty() ? "" : "; refused by " + refusals));
                }
                TimeUnit.NANOSECONDS.timedWait(membership, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
            }
        }
    }

    private long workersOn(Member member) {
        return workers.values().stream().filter(w -> w.agent().getUuid().equals(member.getUuid())).count();
    }

    private static int maxWorkers(Member member) {
        String max = member.getAttribute(WorkerMember.MAX_WORKERS_ATTRIBUTE);
        return max == null ? Integer.MAX_VALUE : Integer.parseInt(max);
    }

    private String clusterName() {
        try {
            return instance.getConfig().getClusterName();
        } catch (UnsupportedOperationException e) {
            return instance.getName(); // a client's view of the cluster's configuration may be partial
        }
    }

    /**
     * Tells the agent that this launcher gave up waiting for the worker's start: the answer may
     * still come, and the worker must not run on there until this launcher goes away.
     */
    private void abandon(RemoteWorker worker) {
        send(worker.agent(), new Chunk(worker.sessionId(), -1, Chunk.KILL, new byte[0]));
    }

    /** Gives up the workers whose output waits behind a piece that did not come ({@link RemoteWorker#checkOrder}). */
    private void checkOrder() {
        long now = System.nanoTime();
        for (RemoteWorker worker : workers.values()) {
            worker.checkOrder(now, beats.periodNanos());
        }
    }

    /** The topic on which this launcher's workers' bytes arrive. */
    String upTopic() {
        return up.getName();
    }

    /** The workers this launcher runs now. */
    Collection<RemoteWorker> sessions() {
        return workers.values();
    }

    private CompletableFuture<Boolean> send(Member agent, Chunk chunk) {
        return submit(chunks, chunk, agent);
    }

    private CompletableFuture<Boolean> sendBeat(Member agent) {
        return submit(control, new ParentBeat(parentId), agent);
    }

    /**
     * Submits {@code task} to {@code agent}; the answer completes the returned future on the thread
     * that receives it. Hazelcast's {@code ExecutionCallback}s (and the futures' own non-async
     * stages) run on its default asynchronous executor, which on a host with two processors starts
     * a thread per callback: on the path of every piece, that would cost more than the piece.
     */
    private static CompletableFuture<Boolean> submit(IExecutorService executor, Callable<Boolean> task, Member agent) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            Future<Boolean> answer = executor.submitToMember(task, agent);
            if (answer instanceof CompletionStage<?> stage) {
                stage.whenCompleteAsync((held, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(Boolean.TRUE.equals(held));
                    }
                }, Runnable::run);
            } else {
                done.complete(Boolean.TRUE.equals(answer.get()));
            }
        } catch (ExecutionException e) {
            done.completeExceptionally(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public int inFlightFactor() {
        return IN_FLIGHT_FACTOR;
    }

    /** Every worker on {@code agent} is lost. */
    private void agentLost(Member agent, String reason) {
        for (RemoteWorker worker : workers.values()) {
            if (worker.agent().getUuid().equals(agent.getUuid())) {
                workers.remove(worker.sessionId());
                worker.lost(reason);
            }
        }
        beats.forget(agent);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        synchronized (membership) {
            membership.notifyAll();
        }
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        agentLost(event.getMember(), "left the cluster");
    }

    @Override
    public void close() {
        beats.close();
        followUps.shutdown();
        try {
            instance.getCluster().removeMembershipListener(membershipListener);
            up.removeMessageListener(topicListener);
            up.destroy();
        } catch (RuntimeException e) {
            // the instance is shut down already
        }
    }
}
