package io.github.mpeventloop.hazelcast;

/** A worker member of a {@link TestCluster}: its configuration comes from system properties. */
public final class TestWorkerMain {

    private TestWorkerMain() {
    }

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test JVM keeps our standard input open while it lives
                }
            } catch (java.io.IOException e) {
                // treated as its end
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        WorkerMember.start(TestCluster.config(System.getProperty(TestCluster.CLUSTER_PROPERTY),
                Integer.parseInt(System.getProperty(TestCluster.PORT_PROPERTY)),
                System.getProperty(TestCluster.MEMBERS_PROPERTY)));
        System.out.println("worker member started");
    }
}
