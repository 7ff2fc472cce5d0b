package io.github.mpeventloop.benchmarks.hazelcast;

import java.io.IOException;

import io.github.mpeventloop.hazelcast.WorkerMember;

/**
 * The worker member of the {@link Cluster}: a Hazelcast member started with
 * {@link WorkerMember#start}, so it is a host agent that starts the loop's workers, and Hazelcast's executor
 * runs the direct peer's tasks in it. Its configuration comes from system properties; it halts
 * at the end of its standard input.
 */
public final class MemberMain {

    private MemberMain() {
    }

    public static void main(String[] args) throws IOException {
        WorkerMember.start(Cluster.config(System.getProperty(Cluster.NAME), Integer.getInteger(Cluster.PORT),
                System.getProperty(Cluster.MEMBERS)), 4); // room for three remote workers on a small host
        while (System.in.read() >= 0) {
            // the parent keeps our standard input open while it wants us
        }
        Runtime.getRuntime().halt(0);
    }
}
