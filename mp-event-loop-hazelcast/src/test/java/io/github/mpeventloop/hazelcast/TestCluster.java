package io.github.mpeventloop.hazelcast;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A cluster on loopback for one test class: this JVM as a lite member (the parent), and worker
 * members as separate JVMs started on the test class path. TCP-IP join on 127.0.0.1 only, no
 * multicast, a cluster name of its own, short heartbeat timeouts.
 */
final class TestCluster implements AutoCloseable {

    static final String CLUSTER_PROPERTY = "test.hz.cluster";
    static final String PORT_PROPERTY = "test.hz.port";
    static final String MEMBERS_PROPERTY = "test.hz.members";

    final String clusterName = "mpel-test-" + UUID.randomUUID();
    final List<Integer> ports;
    final HazelcastInstance parent;
    final List<Process> members = new ArrayList<>();

    TestCluster(int workerMembers) throws IOException {
        ports = freePorts(workerMembers + 1);
        parent = Hazelcast.newHazelcastInstance(config(clusterName, ports.get(0), memberList(ports)).setLiteMember(true));
        Path logs = Path.of("target", "hz-members");
        Files.createDirectories(logs);
        for (int i = 1; i <= workerMembers; i++) {
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-Dhazelcast.logging.type=slf4j"));
            for (String option : System.getProperty("test.hz.jvm.options", "").split(" ")) {
                if (!option.isBlank()) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-D" + CLUSTER_PROPERTY + "=" + clusterName,
                    "-D" + PORT_PROPERTY + "=" + ports.get(i),
                    "-D" + MEMBERS_PROPERTY + "=" + memberList(ports),
                    TestWorkerMain.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            File log = logs.resolve(clusterName + "-member-" + i + ".log").toFile();
            builder.redirectErrorStream(true).redirectOutput(log);
            members.add(builder.start());
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> workerMembers().size() == workerMembers);
    }

    List<Member> workerMembers() {
        return parent.getCluster().getMembers().stream()
                .filter(m -> "true".equals(m.getAttribute(HazelcastWorkerLauncher.WORKER_ATTRIBUTE)))
                .collect(Collectors.toList());
    }

    /** The worker member process with this pid. */
    Process member(long pid) {
        return members.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no worker member with pid " + pid));
    }

    static Config config(String clusterName, int port, String members) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.partition.count", "7");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
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

    private static String memberList(List<Integer> ports) {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).collect(Collectors.toList());
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        for (Process member : members) {
            member.destroyForcibly();
        }
        for (Process member : members) {
            try {
                member.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        parent.getLifecycleService().terminate();
    }
}
