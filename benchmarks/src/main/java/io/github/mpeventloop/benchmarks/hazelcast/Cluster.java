package io.github.mpeventloop.benchmarks.hazelcast;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.github.mpeventloop.benchmarks.ChildJvm;
import io.github.mpeventloop.hazelcast.HazelcastWorkerLauncher;

/**
 * A two-member cluster on loopback: this JVM as a lite member (the parent) and one worker member
 * in a child JVM ({@link MemberMain}), which runs the loop's worker sessions and Hazelcast's own
 * executor tasks. TCP-IP join on 127.0.0.1 only, a cluster name of its own.
 */
public final class Cluster implements AutoCloseable {

    static final String NAME = "mpel.bench.cluster";
    static final String PORT = "mpel.bench.port";
    static final String MEMBERS = "mpel.bench.members";

    final HazelcastInstance parent;
    final Member worker;
    private final Process member;
    private final double joinMillis;

    public Cluster(List<String> jvmOptions) throws IOException, InterruptedException {
        String name = "mpel-bench-" + UUID.randomUUID();
        int parentPort = freePort();
        int memberPort = freePort();
        String members = "127.0.0.1:" + parentPort + ",127.0.0.1:" + memberPort;
        parent = Hazelcast.newHazelcastInstance(config(name, parentPort, members).setLiteMember(true));
        long start = System.nanoTime();
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of("-D" + NAME + "=" + name, "-D" + PORT + "=" + memberPort, "-D" + MEMBERS + "=" + members,
                "-Dhazelcast.logging.type=none"));
        member = ChildJvm.start(options, MemberMain.class, false);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Member found = null;
        while (found == null) {
            found = parent.getCluster().getMembers().stream()
                    .filter(m -> "true".equals(m.getAttribute(HazelcastWorkerLauncher.WORKER_ATTRIBUTE)))
                    .findFirst().orElse(null);
            if (found == null) {
                if (System.nanoTime() > deadline || !member.isAlive()) {
                    close();
                    throw new IOException("the Hazelcast worker member did not join");
                }
                Thread.sleep(10);
            }
        }
        worker = found;
        joinMillis = (System.nanoTime() - start) / 1e6;
    }

    /** This JVM's lite member. */
    public HazelcastInstance parent() {
        return parent;
    }

    /** Milliseconds from starting the member JVM until the parent saw it in the cluster. */
    public double joinMillis() {
        return joinMillis;
    }

    public long memberPid() {
        return member.pid();
    }

    static Config config(String clusterName, int port, String members) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "7");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (String member : members.split(",")) {
            join.getTcpIpConfig().addMember(member);
        }
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        ChildJvm.stop(member);
        parent.getLifecycleService().terminate();
    }
}
