package io.github.mpeventloop.hazelcast.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.hazelcast.core.HazelcastInstance;

import io.github.mpeventloop.autoconfigure.EventLoopCustomizer;
import io.github.mpeventloop.hazelcast.HazelcastWorkerLauncher;

/**
 * With {@code mp.event-loop.backend=hazelcast}, the auto-configured loop runs its workers in the
 * worker members of the cluster of the application's {@link HazelcastInstance}: the one Spring
 * Boot auto-configures (which it does only when it finds a Hazelcast configuration) or one the
 * application declares: a member (a lite member if it runs no workers) or a client, which Boot
 * creates from a {@code ClientConfig} bean or {@code hazelcast-client.xml}/{@code .yaml}. The workers
 * run as child JVMs of the cluster's host agents ({@code WorkerMember}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration",
        beforeName = "io.github.mpeventloop.autoconfigure.MpEventLoopAutoConfiguration")
@ConditionalOnClass({ HazelcastInstance.class, EventLoopCustomizer.class })
@ConditionalOnProperty(prefix = "mp.event-loop", name = "backend", havingValue = "hazelcast")
@EnableConfigurationProperties(MpEventLoopHazelcastProperties.class)
public final class MpEventLoopHazelcastAutoConfiguration {

    @Bean
    EventLoopCustomizer mpEventLoopHazelcastCustomizer(ObjectProvider<HazelcastInstance> hazelcast,
            MpEventLoopHazelcastProperties properties) {
        return builder -> {
            HazelcastInstance instance = hazelcast.getIfUnique();
            if (instance == null) {
                throw new IllegalStateException("mp.event-loop.backend=hazelcast needs one HazelcastInstance bean, "
                        + "and there is none (or more than one). Spring Boot creates one only when it finds a "
                        + "Hazelcast configuration: a Config or ClientConfig bean, spring.hazelcast.config, or "
                        + "hazelcast.xml/hazelcast.yaml (or hazelcast-client.xml/.yaml for a client) in the working "
                        + "directory or on the class path. A member (setLiteMember(true) when this application runs "
                        + "no workers) and a client both serve.");
            }
            builder.workerLauncher(HazelcastWorkerLauncher.on(instance, properties.lossTimeout()));
        };
    }
}
