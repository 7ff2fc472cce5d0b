package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.topic.ITopic;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerLauncher;

/**
 * The agent in a worker member: starts ordinary child-JVM workers with the core's process
 * launcher ({@code Backend.PROCESS.launcherFactory()}), at most {@code maxWorkers} at a time, one
 * launcher per parent (configured from that parent's loop settings), and relays each worker's
 * bytes ({@link AgentSession}). Each parent holds a lease, renewed by its {@link ParentBeat}s:
 * when a parent is not heard from for its loss timeout (it died, left, or its network was cut),
 * the agent kills that parent's workers and forgets it.
 */
final class AgentHost {

    private static final Logger LOG = LoggerFactory.getLogger(AgentHost.class);
    private static final String KEY = AgentHost.class.getName();
    /** How an agent that runs its maximum of workers refuses another; the parent then tries the next agent. */
    static final String FULL = "this agent runs its maximum of workers";
    private static final String SHUTTING_DOWN = "the agent is shutting down";
    private static final String ABANDONED = "its parent gave up waiting for it to start";
    /** How long the agent remembers a session its parent gave up before it started. */
    private static final long ABANDONED_MEMORY_NANOS = TimeUnit.MINUTES.toNanos(10);

    /** A parent as this agent knows it; its lease does not run out while one of its workers starts. */
    private static final class Parent {
        final Duration lease;
        final WorkerLauncher launcher;
        volatile long heardNanos = System.nanoTime();
        int starting;

        Parent(Duration lease, WorkerLauncher launcher) {
            this.lease = lease;
            this.launcher = launcher;
        }

        boolean overdue(long now) {
            return starting == 0 && now - heardNanos > lease.toNanos();
        }
    }

    private final HazelcastInstance instance;
    private final int maxWorkers;
    private final Map<String, AgentSession> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Parent> parents = new ConcurrentHashMap<>();
    /** Sessions whose parent gave up waiting for their start, with when it did. */
    private final Map<String, Long> abandoned = new ConcurrentHashMap<>();
    private int starting;

    private AgentHost(HazelcastInstance instance, int maxWorkers) {
        this.instance = instance;
        this.maxWorkers = maxWorkers;
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mp-event-loop-agent-leases");
            thread.setDaemon(true);
            return thread;
        });
        reaper.scheduleWithFixedDelay(this::reap, 250, 250, TimeUnit.MILLISECONDS);
        instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                reaper.shutdownNow();
                parents.keySet().forEach(parent -> forget(parent, SHUTTING_DOWN));
            }
        });
    }

    /** The agent of {@code instance}, created on first use; its limit is the member attribute's. */
    static AgentHost of(HazelcastInstance instance) {
        Object host = instance.getUserContext().computeIfAbsent(KEY, key -> {
            String max = instance.getCluster().getLocalMember().getAttribute(WorkerMember.MAX_WORKERS_ATTRIBUTE);
            return new AgentHost(instance, max == null ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(max));
        });
        return (AgentHost) host;
    }

    /** Starts a worker process for a parent; answers its pid and this agent's. */
    long[] open(OpenSession request) throws IOException {
        synchronized (this) {
            if (sessions.size() + starting >= maxWorkers) {
                throw new IllegalStateException(FULL + " (" + maxWorkers + "), on Hazelcast member "
                        + instance.getCluster().getLocalMember().getAddress());
            }
            starting++;
        }
        Parent parent;
        synchronized (parents) {
            parent = parents.computeIfAbsent(request.parent(), id -> new Parent(request.lease(),
                    Backend.PROCESS.launcherFactory().create(request.settingsHere())));
            parent.starting++;
            parent.heardNanos = System.nanoTime();
        }
        try {
            WorkerChannel worker = parent.launcher.launch(request.workerId(), request.secret());
            String name = request.settingsHere().loopName() + "-worker-" + request.workerId();
            ITopic<UpChunk> up = instance.getTopic(request.upTopic());
            AgentSession session = new AgentSession(request.sessionId(), request.parent(), worker, up::publishAsync,
                    () -> sessions.remove(request.sessionId()));
            sessions.put(request.sessionId(), session);
            session.start(name);
            if (!parents.containsKey(request.parent())) {
                session.kill("its parent was given up while it started");
            } else if (abandoned.containsKey(request.sessionId())) {
                session.kill(ABANDONED);
            }
            LOG.debug("{} runs as process {}", name, worker.pid());
            return new long[] {worker.pid(), ProcessHandle.current().pid()};
        } finally {
            synchronized (parents) {
                parent.starting--;
                parent.heardNanos = System.nanoTime();
            }
            synchronized (this) {
                starting--;
            }
        }
    }

    /**
     * A piece for a session; false when this agent does not hold it. An order to kill a session that
     * is not here yet is remembered: the parent gave up waiting for its start (the answer may still
     * come), so the worker is ended as soon as it runs, instead of living until its parent leaves.
     */
    boolean deliver(String sessionId, long seq, byte kind, byte[] data) {
        AgentSession session = sessions.get(sessionId);
        if (session == null && kind == Chunk.KILL) {
            abandoned.put(sessionId, System.nanoTime());
            session = sessions.get(sessionId); // it may have started meanwhile: open() looks after its put
        }
        if (session == null) {
            return false;
        }
        if (kind == Chunk.KILL) {
            session.kill("its parent ended it");
        } else {
            session.fromParent(seq, kind, data);
        }
        return true;
    }

    /** Renews a parent's lease; false when this agent has given that parent up (or never knew it). */
    boolean beat(UUID parentId) {
        Parent parent = parents.get(parentId);
        if (parent == null) {
            return false;
        }
        parent.heardNanos = System.nanoTime();
        return true;
    }

    private void reap() {
        long now = System.nanoTime();
        abandoned.values().removeIf(at -> now - at > ABANDONED_MEMORY_NANOS);
        parents.forEach((id, parent) -> {
            if (parent.overdue(now)) {
                forget(id, "its parent was not heard from for " + parent.lease.toMillis() + " ms");
            }
        });
    }

    private void forget(UUID parentId, String why) {
        Parent parent;
        synchronized (parents) {
            parent = parents.get(parentId);
            if (parent == null || (!parent.overdue(System.nanoTime()) && !why.equals(SHUTTING_DOWN))) {
                return;
            }
            parents.remove(parentId);
        }
        for (AgentSession session : sessions.values()) {
            if (session.parent().equals(parentId)) {
                session.kill(why);
            }
        }
        parent.launcher.close();
        LOG.info("Parent {} given up: {}", parentId, why);
    }
}
