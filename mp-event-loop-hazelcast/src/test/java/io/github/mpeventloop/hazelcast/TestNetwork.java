package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Linux network namespaces for a partition test, made with {@code ip}: a bridge in this JVM's
 * namespace with the parent's address, and per agent a namespace joined to the bridge by a veth
 * pair, on a private test subnet; nothing else is reachable from an agent's namespace. Cutting an
 * agent's link takes its veth end on the bridge down; healing brings it up. Needs root (or
 * {@code CAP_NET_ADMIN} and {@code CAP_SYS_ADMIN}); {@link #create} says why it cannot be made.
 */
final class TestNetwork implements AutoCloseable {

    private static final String SUBNET = "10.231.77.";

    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private final String bridge = "mpelbr" + tag;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> hostEnds = new ArrayList<>();
    private boolean bridgeMade;

    private TestNetwork() {
    }

    /** The parent's address, on the bridge. */
    String parentHost() {
        return SUBNET + "1";
    }

    /** Agent {@code i}'s address, in its namespace. */
    String agentHost(int i) {
        return SUBNET + (10 + i);
    }

    /** The command prefix that runs a process in agent {@code i}'s namespace. */
    List<String> agentPrefix(int i) {
        return List.of("ip", "netns", "exec", namespaces.get(i));
    }

    TestCluster.Placement placement(Map<String, String> settings) {
        List<String> hosts = new ArrayList<>();
        List<List<String>> prefixes = new ArrayList<>();
        for (int i = 0; i < namespaces.size(); i++) {
            hosts.add(agentHost(i));
            prefixes.add(agentPrefix(i));
        }
        return new TestCluster.Placement(parentHost(), hosts, prefixes, settings);
    }

    /** The network, or an exception whose message says why it cannot be made here. */
    static TestNetwork create(int agents) throws IOException, InterruptedException {
        TestNetwork network = new TestNetwork();
        try {
            network.ip("link", "add", network.bridge, "type", "bridge");
            network.bridgeMade = true;
            network.ip("addr", "add", network.parentHost() + "/24", "dev", network.bridge);
            network.ip("link", "set", network.bridge, "up");
            for (int i = 0; i < agents; i++) {
                String namespace = "mpel-" + network.tag + "-" + i;
                String hostEnd = "mpelh" + network.tag + i;
                String agentEnd = "mpela" + network.tag + i;
                network.ip("netns", "add", namespace);
                network.namespaces.add(namespace);
                network.ip("link", "add", hostEnd, "type", "veth", "peer", "name", agentEnd);
                network.hostEnds.add(hostEnd);
                network.ip("link", "set", agentEnd, "netns", namespace);
                network.ip("link", "set", hostEnd, "master", network.bridge);
                network.ip("link", "set", hostEnd, "up");
                network.ip("-n", namespace, "addr", "add", network.agentHost(i) + "/24", "dev", agentEnd);
                network.ip("-n", namespace, "link", "set", agentEnd, "up");
                network.ip("-n", namespace, "link", "set", "lo", "up");
            }
            return network;
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** Cuts agent {@code i} off: its link to the bridge goes down. */
    void cut(int i) throws IOException, InterruptedException {
        ip("link", "set", hostEnds.get(i), "down");
    }

    /** Brings agent {@code i}'s link back. */
    void heal(int i) throws IOException, InterruptedException {
        ip("link", "set", hostEnds.get(i), "up");
    }

    private void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit code " + code + "): " + output);
        }
    }

    @Override
    public void close() {
        for (String namespace : namespaces) {
            quietly("netns", "del", namespace); // takes its veth pair with it
        }
        if (bridgeMade) {
            quietly("link", "del", bridge);
        }
    }

    private void quietly(String... arguments) {
        try {
            ip(arguments);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
