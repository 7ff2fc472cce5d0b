package io.github.mpeventloop.hazelcast;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.impl.connection.tcp.RoutingMode;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A cluster on loopback for one test class: this JVM as the parent (a lite member, or a smart or
 * unisocket client), and host agents ({@link WorkerMember}s) as separate JVMs started on the test
 * class path, each allowed {@link #MAX_WORKERS} workers. TCP-IP join on 127.0.0.1 only, no
 * multicast, a cluster name of its own, short heartbeat timeouts.
 */
final class TestCluster implements AutoCloseable {

    static final String CLUSTER_PROPERTY = "test.hz.cluster";
    static final String PORT_PROPERTY = "test.hz.port";
    static final String MEMBERS_PROPERTY = "test.hz.members";
    static final String HOST_PROPERTY = "test.hz.host";
    static final String SETTINGS_PROPERTY = "test.hz.settings";
    static final int MAX_WORKERS = 4;

    /** What the parent is. */
    enum Parent { LITE_MEMBER, SMART_CLIENT, UNISOCKET_CLIENT }

    /**
     * Where the members run: the parent's address, each agent's address and the command prefix that
     * starts it (such as {@code ip netns exec <namespace>}), and Hazelcast properties for every member.
     */
    record Placement(String parentHost, List<String> agentHosts, List<List<String>> agentPrefixes,
            Map<String, String> settings) {

        static Placement loopback(int agents) {
            return new Placement("127.0.0.1", Collections.nCopies(agents, "127.0.0.1"),
                    Collections.nCopies(agents, List.of()), Map.of());
        }
    }

    final String clusterName = "mpel-test-" + UUID.randomUUID();
    final List<Integer> ports;
    final List<String> hosts;
    final Placement placement;
    final HazelcastInstance parent;
    final List<Process> members = new ArrayList<>();

    TestCluster(int workerMembers) throws IOException {
        this(workerMembers, Parent.LITE_MEMBER);
    }

    TestCluster(int workerMembers, Parent kind) throws IOException {
        this(Placement.loopback(workerMembers), kind);
    }

    TestCluster(Placement placement, Parent kind) throws IOException {
        this.placement = placement;
        int workerMembers = placement.agentHosts().size();
        boolean member = kind == Parent.LITE_MEMBER;
        ports = freePorts(workerMembers + (member ? 1 : 0));
        hosts = new ArrayList<>();
        if (member) {
            hosts.add(placement.parentHost());
        }
        hosts.addAll(placement.agentHosts());
        int first = member ? 1 : 0;
        Path logs = Path.of("target", "hz-members");
        Files.createDirectories(logs);
        for (int i = first; i < ports.size(); i++) {
            List<String> command = new ArrayList<>(placement.agentPrefixes().get(i - first));
            command.addAll(List.of(javaExecutable(), "-Xmx256m", "-Dhazelcast.logging.type=slf4j",
                    "-D" + WorkerMember.MAX_WORKERS_PROPERTY + "=" + MAX_WORKERS));
            for (String option : System.getProperty("test.hz.jvm.options", "").split(" ")) {
                if (!option.isBlank()) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-D" + CLUSTER_PROPERTY + "=" + clusterName,
                    "-D" + PORT_PROPERTY + "=" + ports.get(i),
                    "-D" + HOST_PROPERTY + "=" + hosts.get(i),
                    "-D" + SETTINGS_PROPERTY + "=" + placement.settings().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                    "-D" + MEMBERS_PROPERTY + "=" + memberList(),
                    TestWorkerMain.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            File log = logs.resolve(clusterName + "-member-" + i + ".log").toFile();
            builder.redirectErrorStream(true).redirectOutput(log);
            members.add(builder.start());
        }
        parent = member
                ? Hazelcast.newHazelcastInstance(config(clusterName, hosts.get(0), ports.get(0), memberList(),
                        placement.settings()).setLiteMember(true))
                : HazelcastClient.newHazelcastClient(clientConfig(kind == Parent.SMART_CLIENT));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> workerMembers().size() == workerMembers);
    }

    List<Member> workerMembers() {
        return parent.getCluster().getMembers().stream()
                .filter(m -> "true".equals(m.getAttribute(HazelcastWorkerLauncher.WORKER_ATTRIBUTE)))
                .collect(Collectors.toList());
    }

    private ClientConfig clientConfig(boolean smart) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getClusterRoutingConfig()
                .setRoutingMode(smart ? RoutingMode.ALL_MEMBERS : RoutingMode.SINGLE_MEMBER);
        config.getNetworkConfig().addAddress(memberList().split(","));
        return config;
    }

    /** The agent (worker member) process that started the worker process with this pid. */
    Process agentOf(long workerPid) {
        long agent = ProcessHandle.of(workerPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                .orElseThrow(() -> new AssertionError("no process " + workerPid + " with a parent"));
        return member(agent);
    }

    /** The worker member process with this pid. */
    Process member(long pid) {
        return members.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no worker member with pid " + pid));
    }

    static Config config(String clusterName, String host, int port, String members, Map<String, String> settings) {
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
        settings.forEach(config::setProperty);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(host);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (String member : members.split(",")) {
            join.getTcpIpConfig().addMember(member);
        }
        return config;
    }

    private String memberList() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            members.add(hosts.get(i) + ":" + ports.get(i));
        }
        return String.join(",", members);
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
