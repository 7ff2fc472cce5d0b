package io.github.mpeventloop.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A Hazelcast member that runs workers for the event loops of the cluster. Start it as a JVM of
 * its own, on the application's class path (the targets' classes must be there):
 * {@code java -cp app.jar io.github.mpeventloop.hazelcast.WorkerMember}. Its configuration is
 * Hazelcast's usual one ({@code hazelcast.xml} or {@code hazelcast.yaml} in the working directory
 * or on the class path, or the {@code hazelcast.config} system property). An application may
 * instead call {@link #start(Config)} with a configuration of its own.
 */
public final class WorkerMember {

    private WorkerMember() {
    }

    public static void main(String[] args) {
        HazelcastInstance member = start(Config.load());
        System.out.println("mp-event-loop worker member " + member.getCluster().getLocalMember() + " started");
    }

    /** Marks {@code config} as a worker member's ({@link #markAsWorker}) and starts the member. */
    public static HazelcastInstance start(Config config) {
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(markAsWorker(config));
        WorkerHost.of(instance);
        return instance;
    }

    /** Adds the member attribute by which parents find the members that run workers. */
    public static Config markAsWorker(Config config) {
        config.getMemberAttributeConfig().setAttribute(HazelcastWorkerLauncher.WORKER_ATTRIBUTE, "true");
        return config;
    }
}
