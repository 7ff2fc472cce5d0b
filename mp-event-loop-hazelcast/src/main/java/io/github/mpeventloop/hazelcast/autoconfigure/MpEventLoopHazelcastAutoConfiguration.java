package io.github.mpeventloop.hazelcast.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import com.hazelcast.core.HazelcastInstance;

import io.github.mpeventloop.autoconfigure.EventLoopCustomizer;
import io.github.mpeventloop.hazelcast.HazelcastWorkerLauncher;

/**
 * With {@code mp.event-loop.backend=hazelcast}, the auto-configured loop runs its workers in the
 * worker members of the cluster of the application's {@link HazelcastInstance}: the one Spring
 * Boot auto-configures (which it does only when it finds a Hazelcast configuration) or one the
 * application declares. That instance must be a member (a lite member if it runs no workers).
 */
@AutoConfiguration(afterName = "org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration",
        beforeName = "io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration")
@ConditionalOnClass({ HazelcastInstance.class, EventLoopCustomizer.class })
@ConditionalOnProperty(prefix = "mp.event-loop", name = "backend", havingValue = "hazelcast")
public final class MpEventLoopHazelcastAutoConfiguration {

    @Bean
    EventLoopCustomizer mpEventLoopHazelcastCustomizer(ObjectProvider<HazelcastInstance> hazelcast) {
        return builder -> {
            HazelcastInstance instance = hazelcast.getIfUnique();
            if (instance == null) {
                throw new IllegalStateException("mp.event-loop.backend=hazelcast needs one HazelcastInstance bean, "
                        + "and there is none (or more than one). Spring Boot creates one only when it finds a "
                        + "Hazelcast configuration: a Config or ClientConfig bean, spring.hazelcast.config, or "
                        + "hazelcast.xml/hazelcast.yaml in the working directory or on the class path. The instance "
                        + "must be a member (setLiteMember(true) when this application runs no workers), not a client.");
            }
            builder.workerLauncher(HazelcastWorkerLauncher.on(instance));
        };
    }
}
