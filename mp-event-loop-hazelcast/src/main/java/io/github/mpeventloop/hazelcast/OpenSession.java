package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * Asks a worker member to open a session for a parent: a worker loop over a pair of pipes whose
 * other ends are tunnelled to the parent. Answers the member's process id.
 */
public final class OpenSession implements Callable<Long>, DataSerializable, HazelcastInstanceAware {

    private String sessionId = "";
    private String secret = "";
    private String loopName = "";
    private int workerId;
    private UUID parent = new UUID(0, 0);
    private transient @org.jspecify.annotations.Nullable HazelcastInstance instance;

    /** For Hazelcast's deserialisation. */
    public OpenSession() {
    }

    OpenSession(String sessionId, String secret, String loopName, int workerId, UUID parent) {
        this.sessionId = sessionId;
        this.secret = secret;
        this.loopName = loopName;
        this.workerId = workerId;
        this.parent = parent;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public Long call() throws IOException {
        HazelcastInstance hz = instance;
        if (hz == null) {
            throw new IllegalStateException("no Hazelcast instance was injected");
        }
        return WorkerHost.of(hz).open(sessionId, secret, loopName, workerId, parent);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeString(secret);
        out.writeString(loopName);
        out.writeInt(workerId);
        out.writeLong(parent.getMostSignificantBits());
        out.writeLong(parent.getLeastSignificantBits());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sessionId = orEmpty(in.readString());
        secret = orEmpty(in.readString());
        loopName = orEmpty(in.readString());
        workerId = in.readInt();
        parent = new UUID(in.readLong(), in.readLong());
    }

    private static String orEmpty(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }
}
