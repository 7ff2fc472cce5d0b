package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;

import io.github.mpeventloop.WorkerStartException;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerLauncher;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/**
 * Starts each worker as a session in a worker member of a Hazelcast cluster (a member started
 * with {@link WorkerMember}), through the loop's launcher SPI: the channel it hands back is a pair
 * of in-memory pipes, and {@link Pump}s move their bytes through the cluster as {@link Chunk}
 * tasks; the loop runs the handshake and every frame on it. The member with the fewest of this loop's sessions gets the next one. When
 * a member leaves the cluster (or cannot be reached), the channels of its sessions end, so the
 * loop fails or retries their events with a {@code WorkerLostException} naming the member, and
 * starts replacements on the members that remain.
 *
 * <p>The local instance must be a member (a lite member suits a parent that runs no workers):
 * the workers send their answers to it.
 */
public final class HazelcastWorkerLauncher implements WorkerLauncher, MembershipListener {

    /** Member attribute, {@code "true"} on members that run workers. */
    public static final String WORKER_ATTRIBUTE = "mp-event-loop.worker";
    /** Name of the executor service that carries sessions' chunks. */
    public static final String EXECUTOR = "mp-event-loop";

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastWorkerLauncher.class);

    private final HazelcastInstance instance;
    private final LaunchSettings settings;
    private final IExecutorService executor;
    private final Set<MemberWorker> live = ConcurrentHashMap.newKeySet();
    private final Object membership = new Object();
    private final UUID listener;

    /** A launcher on {@code instance}, which must be a member; see {@link #on(HazelcastInstance)}. */
    public HazelcastWorkerLauncher(HazelcastInstance instance, LaunchSettings settings) {
        try {
            instance.getCluster().getLocalMember();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("the Hazelcast backend needs a member as the parent (a lite member "
                    + "if it runs no workers), not a client: worker members send their answers to the parent", e);
        }
        this.instance = instance;
        this.settings = settings;
        this.executor = instance.getExecutorService(EXECUTOR);
        this.listener = instance.getCluster().addMembershipListener(this);
    }

    /** For {@code EventLoop.builder().workerLauncher(...)}: workers in the worker members of {@code instance}'s cluster. */
    public static WorkerLauncherFactory on(HazelcastInstance instance) {
        return settings -> new HazelcastWorkerLauncher(instance, settings);
    }

    @Override
    public WorkerChannel launch(int workerId, String secret) {
        String name = settings.loopName() + "-worker-" + workerId;
        MemberWorker worker = null;
        try {
            worker = reserve(workerId, secret, System.nanoTime() + settings.startTimeout().toNanos());
            MemberWorker started = worker;
            Tunnels.register(worker.sessionId, worker);
            long pid = executor.submitToMember(new OpenSession(worker.sessionId, worker.secret, settings.loopName(),
                    workerId, instance.getCluster().getLocalMember().getUuid()), worker.member)
                    .get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            worker.pid = pid;
            Pump.start("mp-event-loop-" + name + "-pump", new Pump(worker.toWorker.source(), executor, worker.member,
                    worker.sessionId, failure -> {
                        if (failure instanceof MemberLeftException || failure instanceof TargetNotMemberException) {
                            started.lost("left the cluster (" + failure.getClass().getSimpleName() + ")");
                        } else if (failure != null) {
                            started.lost("could not be reached (" + failure + ")");
                        }
                    }));
            if (!instance.getCluster().getMembers().contains(worker.member)) {
                worker.lost("left the cluster");
            }
            LOG.debug("{} runs on Hazelcast member {} (pid {})", name, worker.member, pid);
            return worker;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw startFailure(name, worker, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw startFailure(name, worker, e);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw startFailure(name, worker, e);
        }
    }

    private WorkerStartException startFailure(String name, @Nullable MemberWorker worker, Throwable cause) {
        if (cause instanceof WorkerStartException start) {
            return start;
        }
        if (worker == null) {
            return new WorkerStartException(name + " could not be started: " + cause, cause);
        }
        String reason = worker.lostReason;
        worker.destroy();
        return new WorkerStartException(name + " could not be started on Hazelcast member " + worker.memberName()
                + ": " + (reason != null ? reason + "; " : "") + cause, cause);
    }

    /** Picks the worker member with the fewest of this launcher's sessions, waiting for one to join. */
    private MemberWorker reserve(int workerId, String secret, long deadline) throws IOException, InterruptedException {
        synchronized (membership) {
            while (true) {
                Member best = null;
                long bestCount = Long.MAX_VALUE;
                for (Member member : instance.getCluster().getMembers()) {
                    if (member.localMember() || !"true".equals(member.getAttribute(WORKER_ATTRIBUTE))) {
                        continue;
                    }
                    long count = live.stream().filter(w -> w.member.getUuid().equals(member.getUuid())).count();
                    if (count < bestCount) {
                        best = member;
                        bestCount = count;
                    }
                }
                if (best != null) {
                    MemberWorker worker = new MemberWorker(workerId, best, secret);
                    live.add(worker);
                    return worker;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WorkerStartException(settings.loopName() + "-worker-" + workerId
                            + " could not be started: no member of Hazelcast cluster \"" + instance.getConfig().getClusterName()
                            + "\" runs workers (members started with " + WorkerMember.class.getName() + " carry the attribute "
                            + WORKER_ATTRIBUTE + "=true); waited " + settings.startTimeout().toMillis() + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(membership, left);
            }
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        synchronized (membership) {
            membership.notifyAll();
        }
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        UUID gone = event.getMember().getUuid();
        for (MemberWorker worker : live) {
            if (worker.member.getUuid().equals(gone)) {
                worker.lost("left the cluster");
            }
        }
    }

    @Override
    public void close() {
        try {
            instance.getCluster().removeMembershipListener(listener);
        } catch (RuntimeException e) {
            // the instance is shut down already
        }
    }

    /** The parent's side of one session. */
    private final class MemberWorker implements WorkerChannel, Tunnels.Endpoint {
        final int id;
        final Member member;
        final String sessionId = UUID.randomUUID().toString();
        final String secret;
        final Pipe toWorker;
        final Pipe toParent;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile long pid = -1;
        volatile @Nullable String lostReason;

        MemberWorker(int id, Member member, String secret) throws IOException {
            this.id = id;
            this.member = member;
            this.secret = secret;
            this.toWorker = Pipe.open();
            this.toParent = Pipe.open();
        }

        String memberName() {
            return member.getAddress() + " (" + member.getUuid() + ")";
        }

        /** The member is gone or unreachable: the channel ends here, as a lost worker. */
        void lost(String reason) {
            if (lostReason == null) {
                lostReason = reason;
            }
            Tunnels.closeQuietly(toParent.sink());
            Tunnels.closeQuietly(toWorker.sink());
            finished();
        }

        private void finished() {
            ended.countDown();
            Tunnels.unregister(sessionId);
            live.remove(this);
        }

        @Override
        public boolean write(byte[] data) {
            Tunnels.writeFully(toParent.sink(), data);
            return true; // what arrives after the parent closed its end is dropped
        }

        @Override
        public void peerClosed() {
            Tunnels.closeQuietly(toParent.sink());
            finished();
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public ReadableByteChannel fromWorker() {
            return toParent.source();
        }

        @Override
        public WritableByteChannel toWorker() {
            return toWorker.sink();
        }

        @Override
        public void closeChannel() {
            Tunnels.closeQuietly(toWorker.sink());
            Tunnels.closeQuietly(toParent.source());
        }

        @Override
        public ExitReport awaitExit(Duration grace) {
            closeChannel();
            boolean done;
            try {
                done = ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                destroy();
            }
            String reason = lostReason;
            String how = reason != null ? reason : done ? "ended its session" : "did not end its session within "
                    + grace.toMillis() + " ms; the session was closed";
            return new ExitReport(null, "worker " + id + " on Hazelcast member " + memberName() + " (pid " + pid + ") "
                    + how, List.of());
        }

        @Override
        public void destroy() {
            closeChannel();
            try {
                executor.submitToMember(new Chunk(sessionId, new byte[0], true), member);
            } catch (RuntimeException e) {
                // the member is gone
            }
            Tunnels.closeQuietly(toParent.sink());
            finished();
        }
    }
}
