package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

import io.github.mpeventloop.spi.LaunchSettings;

/**
 * Asks an agent to start one worker process for a parent: the parent's launch settings (JVM
 * options, worker main class, start timeout, frame limit, heap threshold) with the agent's own
 * {@code java} and class path. Answers the worker's process id and the agent's, once the worker
 * has connected to the agent.
 */
public final class OpenSession extends AgentTask implements Callable<long[]>, DataSerializable {

    private String sessionId = "";
    private String secret = "";
    private int workerId;
    private UUID parent = new UUID(0, 0);
    private String upTopic = "";
    private long leaseMillis;
    private String loopName = "";
    private List<String> jvmOptions = List.of();
    private String mainClass = "";
    private long startTimeoutMillis;
    private int maxFrameBytes;
    private long recycleAboveHeapBytes;
    private boolean classDataSharing;

    /** For Hazelcast's deserialisation. */
    public OpenSession() {
    }

    OpenSession(String sessionId, String secret, int workerId, UUID parent, String upTopic, Duration lease,
            LaunchSettings settings) {
        this.sessionId = sessionId;
        this.secret = secret;
        this.workerId = workerId;
        this.parent = parent;
        this.upTopic = upTopic;
        this.leaseMillis = lease.toMillis();
        this.loopName = settings.loopName();
        this.jvmOptions = settings.jvmOptions();
        this.mainClass = settings.mainClass();
        this.startTimeoutMillis = settings.startTimeout().toMillis();
        this.maxFrameBytes = settings.maxFrameBytes();
        this.recycleAboveHeapBytes = settings.recycleAboveHeapBytes();
        this.classDataSharing = settings.classDataSharing();
    }

    String sessionId() {
        return sessionId;
    }

    String secret() {
        return secret;
    }

    int workerId() {
        return workerId;
    }

    UUID parent() {
        return parent;
    }

    String upTopic() {
        return upTopic;
    }

    Duration lease() {
        return Duration.ofMillis(leaseMillis);
    }

    /** The parent's settings on this host: its own {@code java} and class path. */
    LaunchSettings settingsHere() {
        return new LaunchSettings(loopName, LaunchSettings.currentJava(), jvmOptions,
                System.getProperty("java.class.path"), mainClass, Duration.ofMillis(startTimeoutMillis), maxFrameBytes,
                recycleAboveHeapBytes, classDataSharing);
    }

    @Override
    public long[] call() throws IOException {
        AgentHost agent = agent();
        if (agent == null) {
            throw new IllegalStateException("no Hazelcast instance was injected");
        }
        return agent.open(this);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeString(secret);
        out.writeInt(workerId);
        Messages.writeUuid(out, parent);
        out.writeString(upTopic);
        out.writeLong(leaseMillis);
        out.writeString(loopName);
        out.writeStringArray(jvmOptions.toArray(new String[0]));
        out.writeString(mainClass);
        out.writeLong(startTimeoutMillis);
        out.writeInt(maxFrameBytes);
        out.writeLong(recycleAboveHeapBytes);
        out.writeBoolean(classDataSharing);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sessionId = Messages.orEmpty(in.readString());
        secret = Messages.orEmpty(in.readString());
        workerId = in.readInt();
        parent = Messages.readUuid(in);
        upTopic = Messages.orEmpty(in.readString());
        leaseMillis = in.readLong();
        loopName = Messages.orEmpty(in.readString());
        String[] options = in.readStringArray();
        jvmOptions = options == null ? List.of() : List.of(options);
        mainClass = Messages.orEmpty(in.readString());
        startTimeoutMillis = in.readLong();
        maxFrameBytes = in.readInt();
        recycleAboveHeapBytes = in.readLong();
        classDataSharing = in.readBoolean();
    }
}
