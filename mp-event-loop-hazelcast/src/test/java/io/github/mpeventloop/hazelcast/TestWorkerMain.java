package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A host agent of a {@link TestCluster}: its configuration comes from system properties. */
public final class TestWorkerMain {

    private TestWorkerMain() {
    }

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test JVM keeps our standard input open while it lives
                }
            } catch (IOException e) {
                // treated as its end
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Map<String, String> settings = new HashMap<>();
        for (String setting : System.getProperty(TestCluster.SETTINGS_PROPERTY, "").split(",")) {
            if (setting.contains("=")) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        WorkerMember.start(TestCluster.config(System.getProperty(TestCluster.CLUSTER_PROPERTY),
                System.getProperty(TestCluster.HOST_PROPERTY, "127.0.0.1"),
                Integer.parseInt(System.getProperty(TestCluster.PORT_PROPERTY)),
                System.getProperty(TestCluster.MEMBERS_PROPERTY), settings),
                Integer.getInteger(WorkerMember.MAX_WORKERS_PROPERTY, TestCluster.MAX_WORKERS));
        System.out.println("worker member started");
    }
}
