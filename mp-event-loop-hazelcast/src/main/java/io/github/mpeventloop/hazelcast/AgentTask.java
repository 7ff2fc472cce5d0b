package io.github.mpeventloop.hazelcast;

import org.jspecify.annotations.Nullable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/**
 * What the parent's tasks to a host agent share: Hazelcast hands each the member it runs on, and
 * the task acts on that member's {@link AgentHost}.
 */
abstract class AgentTask implements HazelcastInstanceAware {

    private transient @Nullable HazelcastInstance instance;

    @Override
    public final void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    /** The agent of the member this task runs on; {@code null} if Hazelcast handed it no member. */
    final @Nullable AgentHost agent() {
        HazelcastInstance hz = instance;
        return hz == null ? null : AgentHost.of(hz);
    }
}
