package io.github.mpeventloop.hazelcast;

import java.io.IOException;

import com.hazelcast.core.HazelcastInstance;

/** A {@link TestCluster} for tests in other packages. */
public final class TestClusters implements AutoCloseable {

    private final TestCluster cluster;

    private TestClusters(TestCluster cluster) {
        this.cluster = cluster;
    }

    public static TestClusters start(int workerMembers) throws IOException {
        return new TestClusters(new TestCluster(workerMembers));
    }

    /** A cluster whose parent, this JVM, is a smart client. */
    public static TestClusters startWithClientParent(int workerMembers) throws IOException {
        return new TestClusters(new TestCluster(workerMembers, TestCluster.Parent.SMART_CLIENT));
    }

    public HazelcastInstance parent() {
        return cluster.parent;
    }

    public long memberPid(int index) {
        return cluster.members.get(index).pid();
    }

    /** The pid of the agent that started the worker process with this pid. */
    public long agentPid(long workerPid) {
        return cluster.agentOf(workerPid).pid();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
