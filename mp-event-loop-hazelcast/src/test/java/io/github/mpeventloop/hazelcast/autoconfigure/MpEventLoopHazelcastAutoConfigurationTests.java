package io.github.mpeventloop.hazelcast.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.hazelcast.core.HazelcastInstance;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerInfo;
import io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration;
import io.github.mpeventloop.hazelcast.Tasks;
import io.github.mpeventloop.hazelcast.TestClusters;

class MpEventLoopHazelcastAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MpEventLoopHazelcastAutoConfiguration.class,
                    MpEventLoopAutoConfiguration.class));

    @Test
    void otherBackendsLeaveHazelcastAlone() {
        runner.withPropertyValues("mp.event-loop.backend=thread")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean("mpEventLoopHazelcastCustomizer"));
    }

    @Test
    void withoutAHazelcastInstanceTheLoopFailsAndSaysWhy() {
        runner.withPropertyValues("mp.event-loop.backend=hazelcast")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("mp.event-loop.backend=hazelcast needs one HazelcastInstance bean")
                        .hasMessageContaining("Hazelcast configuration"));
    }

    @Test
    void aLossTimeoutThatIsNotPositiveFailsTheContextAndSaysWhy() {
        runner.withBean(HazelcastInstance.class, () -> mock(HazelcastInstance.class))
                .withPropertyValues("mp.event-loop.backend=hazelcast", "mp.event-loop.hazelcast.loss-timeout=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("the Hazelcast backend's loss timeout must be positive, was PT0S"));
    }

    @Test
    void theLoopRunsItsWorkersOnTheAgentsOfTheApplicationsMemberInstance() throws Exception {
        try (var cluster = TestClusters.start(1)) {
            runsOnTheAgent(cluster);
        }
    }

    @Test
    void theLoopRunsItsWorkersOnTheAgentsOfTheApplicationsClientInstance() throws Exception {
        try (var cluster = TestClusters.startWithClientParent(1)) {
            runsOnTheAgent(cluster);
        }
    }

    private void runsOnTheAgent(TestClusters cluster) {
        runner.withBean(HazelcastInstance.class, cluster::parent)
                .withPropertyValues("mp.event-loop.backend=hazelcast", "mp.event-loop.workers=1",
                        "mp.event-loop.hazelcast.loss-timeout=10s")
                .run(context -> {
                    EventLoop loop = context.getBean(EventLoop.class);
                    assertThat(loop.addEvent(Tasks::addVals, 2, 1).join()).isEqualTo(3);
                    assertThat(loop.workers()).extracting(WorkerInfo::pid)
                            .allSatisfy(pid -> assertThat(cluster.agentPid(pid)).isEqualTo(cluster.memberPid(0)));
                });
    }
}
