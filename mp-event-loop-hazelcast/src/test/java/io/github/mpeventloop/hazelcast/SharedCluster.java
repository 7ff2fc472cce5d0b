package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestCluster} on loopback shared by the tests of one class: started before the first of
 * them, closed after the last. Register it as a static field with {@code @RegisterExtension}.
 */
final class SharedCluster implements BeforeAllCallback, AfterAllCallback {

    private final int workerMembers;
    private @Nullable TestCluster cluster;

    SharedCluster(int workerMembers) {
        this.workerMembers = workerMembers;
    }

    /** The running cluster. */
    TestCluster get() {
        return Objects.requireNonNull(cluster, "the cluster starts before the class's first test");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        cluster = new TestCluster(workerMembers);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
