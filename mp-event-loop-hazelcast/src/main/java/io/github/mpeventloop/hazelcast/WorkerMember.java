package io.github.mpeventloop.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A Hazelcast member that is a host agent for the event loops of the cluster: it starts their
 * workers as child JVMs on its host, at most {@code maxWorkers} at a time, and relays their bytes.
 * Start it as a JVM of its own, on the application's class path (the targets' classes must be
 * there, and the workers use the same class path):
 * {@code java -cp app.jar io.github.mpeventloop.hazelcast.WorkerMember}. Its configuration is
 * Hazelcast's usual one ({@code hazelcast.xml} or {@code hazelcast.yaml} in the working directory
 * or on the class path, or the {@code hazelcast.config} system property); the system property
 * {@value #MAX_WORKERS_PROPERTY} sets its limit (the number of processors by default). An
 * application may instead call {@link #start(Config, int)}.
 */
public final class WorkerMember {

    /** System property of {@link #main}: at most this many workers on this host. */
    public static final String MAX_WORKERS_PROPERTY = "mp.event-loop.agent.max-workers";
    /** Member attribute carrying an agent's limit, so that parents skip a full agent. */
    public static final String MAX_WORKERS_ATTRIBUTE = "mp-event-loop.max-workers";

    private WorkerMember() {
    }

    public static void main(String[] args) {
        int max = Integer.getInteger(MAX_WORKERS_PROPERTY, Runtime.getRuntime().availableProcessors());
        HazelcastInstance member = start(Config.load(), max);
        System.out.println("mp-event-loop agent " + member.getCluster().getLocalMember() + " started, at most "
                + max + " workers");
    }

    /** Starts an agent with at most as many workers as this host has processors. */
    public static HazelcastInstance start(Config config) {
        return start(config, Runtime.getRuntime().availableProcessors());
    }

    /** Marks {@code config} as an agent's ({@link #markAsWorker}) and starts the member. */
    public static HazelcastInstance start(Config config, int maxWorkers) {
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("an agent runs at least one worker; maxWorkers was " + maxWorkers);
        }
        markAsWorker(config).getMemberAttributeConfig().setAttribute(MAX_WORKERS_ATTRIBUTE,
                Integer.toString(maxWorkers));
        if (!config.getExecutorConfigs().containsKey(HazelcastWorkerLauncher.EXECUTOR)) {
            // each session writes to its worker on one executor thread at a time: a worker that does
            // not read holds that one, so this many threads always leave one for the others
            config.addExecutorConfig(new ExecutorConfig(HazelcastWorkerLauncher.EXECUTOR,
                    Math.max(ExecutorConfig.DEFAULT_POOL_SIZE, maxWorkers + 2)));
        }
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        AgentHost.of(instance);
        return instance;
    }

    /** Adds the member attribute by which parents find the members that run workers. */
    public static Config markAsWorker(Config config) {
        config.getMemberAttributeConfig().setAttribute(HazelcastWorkerLauncher.WORKER_ATTRIBUTE, "true");
        return config;
    }
}
