package io.github.mpeventloop.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerStartException;

/** Start-up failures say what is missing. */
class NoWorkerMemberTest {

    @RegisterExtension
    static final SharedCluster cluster = new SharedCluster(0);

    @Test
    void aClusterWithoutWorkerMembersFailsTheStartAndSaysWhy() {
        EventLoop loop = EventLoop.builder().name("no-workers").startTimeout(Duration.ofSeconds(1))
                .workerLauncher(HazelcastWorkerLauncher.on(cluster.get().parent)).build();
        assertThatThrownBy(loop::start).isInstanceOf(WorkerStartException.class)
                .hasMessageContaining("no member of Hazelcast cluster \"" + cluster.get().clusterName + "\" runs workers");
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void theHazelcastBackendWithoutItsLauncherFailsTheStartAndSaysWhy() {
        EventLoop loop = EventLoop.builder().name("no-launcher").backend(Backend.EXTERNAL).build();
        assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backend EXTERNAL needs the launcher").hasMessageContaining("workerLauncher(");
    }
}
