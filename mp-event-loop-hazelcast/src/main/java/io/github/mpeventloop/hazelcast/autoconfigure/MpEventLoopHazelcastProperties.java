package io.github.mpeventloop.hazelcast.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Hazelcast backend ({@code mp.event-loop.hazelcast.*}).
 *
 * @param lossTimeout how long the parent and a host agent wait to hear from each other before giving
 *     each other up (the agent's workers are then lost here and killed there); shorter notices a lost
 *     host sooner, but gives up agents that were only paused for longer
 */
@ConfigurationProperties("mp.event-loop.hazelcast")
public record MpEventLoopHazelcastProperties(@DefaultValue("5s") Duration lossTimeout) {
}
