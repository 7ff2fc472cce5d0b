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

    public HazelcastInstance parent() {
        return cluster.parent;
    }

    public long memberPid(int index) {
        return cluster.members.get(index).pid();
    }

    @Override
    public void close() {
        cluster.close();
    }
}
