package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * Bytes of one direction of a session, in order, or the end of that direction. Runs on the
 * receiving member and writes them into the session's pipe there. Carries only our own frames as
 * bytes (Hazelcast's {@code DataSerializable}, no Java serialisation).
 */
public final class Chunk implements Callable<Boolean>, DataSerializable {

    private String sessionId = "";
    private byte[] data = new byte[0];
    private boolean end;

    /** For Hazelcast's deserialisation. */
    public Chunk() {
    }

    Chunk(String sessionId, byte[] data, boolean end) {
        this.sessionId = sessionId;
        this.data = data;
        this.end = end;
    }

    @Override
    public Boolean call() {
        return Tunnels.deliver(sessionId, data, end);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeBoolean(end);
        out.writeByteArray(data);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        String id = in.readString();
        sessionId = id == null ? "" : id;
        end = in.readBoolean();
        byte[] bytes = in.readByteArray();
        data = bytes == null ? new byte[0] : bytes;
    }
}
