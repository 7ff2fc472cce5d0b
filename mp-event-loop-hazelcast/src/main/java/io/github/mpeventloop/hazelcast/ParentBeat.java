package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * A parent's heartbeat to an agent that runs its workers, run on the agent: it renews the
 * parent's lease there. Answers whether the agent still holds that parent's sessions (false once
 * it has given the parent up and killed its workers).
 */
public final class ParentBeat extends AgentTask implements Callable<Boolean>, DataSerializable {

    private UUID parent = new UUID(0, 0);

    /** For Hazelcast's deserialisation. */
    public ParentBeat() {
    }

    ParentBeat(UUID parent) {
        this.parent = parent;
    }

    @Override
    public Boolean call() {
        AgentHost agent = agent();
        return agent != null && agent.beat(parent);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        Messages.writeUuid(out, parent);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        parent = Messages.readUuid(in);
    }
}
