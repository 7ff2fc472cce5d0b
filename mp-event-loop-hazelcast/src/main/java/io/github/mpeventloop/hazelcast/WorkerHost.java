package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import io.github.mpeventloop.spi.WorkerEndpoint;

/**
 * The worker side in a member: one {@link WorkerEndpoint} per parent session, over two pipes; a
 * {@link Pump} sends what the loop writes to the parent, {@link Chunk}s from the parent feed
 * the other pipe. A session ends when its parent ends it, when the parent leaves the cluster, or
 * when its loop ends.
 */
final class WorkerHost implements MembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerHost.class);
    private static final String KEY = WorkerHost.class.getName();

    private final HazelcastInstance instance;
    private final ClassLoader loader;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private WorkerHost(HazelcastInstance instance) {
        this.instance = instance;
        ClassLoader configured = instance.getConfig().getClassLoader();
        this.loader = configured != null ? configured : WorkerHost.class.getClassLoader();
    }

    /** The host of {@code instance}, created (and listening to the cluster) on first use. */
    static WorkerHost of(HazelcastInstance instance) {
        Object host = instance.getUserContext().computeIfAbsent(KEY, key -> {
            WorkerHost created = new WorkerHost(instance);
            instance.getCluster().addMembershipListener(created);
            return created;
        });
        return (WorkerHost) host;
    }

    /** Sessions open in this member. */
    int sessions() {
        return sessions.size();
    }

    long open(String sessionId, String secret, String loopName, int workerId, UUID parentId) throws IOException {
        Member parent = null;
        for (Member member : instance.getCluster().getMembers()) {
            if (member.getUuid().equals(parentId)) {
                parent = member;
            }
        }
        if (parent == null) {
            throw new IllegalStateException("the parent " + parentId + " is not a member of the cluster");
        }
        Pipe toWorker = Pipe.open();
        Pipe toParent = Pipe.open();
        Session session = new Session(sessionId, parentId, toWorker, toParent);
        sessions.put(sessionId, session);
        Tunnels.register(sessionId, session);
        String name = loopName + "-worker-" + workerId + "@" + instance.getName();
        Thread worker = new Thread(() -> {
            try {
                WorkerEndpoint.serve(toWorker.source(), toParent.sink(), secret, loader);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{} ended: {}", name, e.toString());
            } finally {
                Tunnels.closeQuietly(toParent.sink());
                Tunnels.closeQuietly(toWorker.source());
            }
        }, name);
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);
        worker.start();
        Pump.start(name + "-pump", new Pump(toParent.source(), instance.getExecutorService(
                HazelcastWorkerLauncher.EXECUTOR), parent, sessionId, failure -> {
                    if (failure != null) {
                        LOG.debug("{}: the parent could not be reached: {}", name, failure.toString());
                    }
                    session.peerClosed();
                    sessions.remove(sessionId);
                    Tunnels.unregister(sessionId);
                }));
        return ProcessHandle.current().pid();
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // nothing to do
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        UUID gone = event.getMember().getUuid();
        for (Session session : sessions.values()) {
            if (session.parent.equals(gone)) {
                LOG.info("The parent of session {} left the cluster; ending it", session.id);
                session.peerClosed();
                Tunnels.closeQuietly(session.toParent.source());
            }
        }
    }

    private static final class Session implements Tunnels.Endpoint {
        final String id;
        final UUID parent;
        final Pipe toWorker;
        final Pipe toParent;

        Session(String id, UUID parent, Pipe toWorker, Pipe toParent) {
            this.id = id;
            this.parent = parent;
            this.toWorker = toWorker;
            this.toParent = toParent;
        }

        @Override
        public boolean write(byte[] data) {
            return Tunnels.writeFully(toWorker.sink(), data);
        }

        @Override
        public void peerClosed() {
            Tunnels.closeQuietly(toWorker.sink());
        }
    }
}
