package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * A piece of the parent-to-worker direction of a session, run on the agent: numbered bytes for
 * the worker, the end of that direction, or the order to kill the worker's process. Answers
 * whether the agent still holds the session. Carries only our own frames as bytes (Hazelcast's
 * {@code DataSerializable}, no Java serialisation).
 */
public final class Chunk extends AgentTask implements Callable<Boolean>, DataSerializable {

    static final byte DATA = 0;
    static final byte END = 1;
    static final byte KILL = 2;

    private String sessionId = "";
    private long seq;
    private byte kind;
    private byte[] data = new byte[0];

    /** For Hazelcast's deserialisation. */
    public Chunk() {
    }

    Chunk(String sessionId, long seq, byte kind, byte[] data) {
        this.sessionId = sessionId;
        this.seq = seq;
        this.kind = kind;
        this.data = data;
    }

    @Override
    public Boolean call() {
        AgentHost agent = agent();
        return agent != null && agent.deliver(sessionId, seq, kind, data);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeLong(seq);
        out.writeByte(kind);
        out.writeByteArray(data);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sessionId = Messages.orEmpty(in.readString());
        seq = in.readLong();
        kind = in.readByte();
        byte[] bytes = in.readByteArray();
        data = bytes == null ? new byte[0] : bytes;
    }
}
