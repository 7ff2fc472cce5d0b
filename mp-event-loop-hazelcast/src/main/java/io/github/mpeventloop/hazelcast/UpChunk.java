package io.github.mpeventloop.hazelcast;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

import io.github.mpeventloop.spi.ExitReport;

/**
 * A piece of the worker-to-parent direction of a session, published by the agent on the parent's
 * topic: numbered bytes from the worker, or the end of the session with the worker process's exit
 * report. A topic reaches a parent that is a Hazelcast client as well as one that is a member.
 */
public final class UpChunk implements DataSerializable {

    private String sessionId = "";
    private long seq;
    private boolean end;
    private byte[] data = new byte[0];
    private int exitCode = -1;
    private boolean hasExitCode;
    private String description = "";
    private List<String> lastLines = List.of();

    /** For Hazelcast's deserialisation. */
    public UpChunk() {
    }

    static UpChunk data(String sessionId, long seq, byte[] data) {
        UpChunk chunk = new UpChunk();
        chunk.sessionId = sessionId;
        chunk.seq = seq;
        chunk.data = data;
        return chunk;
    }

    static UpChunk end(String sessionId, long seq, ExitReport report) {
        UpChunk chunk = new UpChunk();
        chunk.sessionId = sessionId;
        chunk.seq = seq;
        chunk.end = true;
        Integer code = report.exitCode();
        chunk.hasExitCode = code != null;
        chunk.exitCode = code != null ? code : -1;
        chunk.description = report.description();
        chunk.lastLines = report.lastLines();
        return chunk;
    }

    String sessionId() {
        return sessionId;
    }

    long seq() {
        return seq;
    }

    boolean isEnd() {
        return end;
    }

    byte[] data() {
        return data;
    }

    /** The worker's exit report, with {@code where} (its agent) added to its description. */
    ExitReport report(String where) {
        @Nullable Integer code = hasExitCode ? exitCode : null;
        return new ExitReport(code, description + " " + where, lastLines);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeLong(seq);
        out.writeBoolean(end);
        out.writeByteArray(data);
        out.writeBoolean(hasExitCode);
        out.writeInt(exitCode);
        out.writeString(description);
        out.writeStringArray(lastLines.toArray(new String[0]));
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sessionId = Messages.orEmpty(in.readString());
        seq = in.readLong();
        end = in.readBoolean();
        byte[] bytes = in.readByteArray();
        data = bytes == null ? new byte[0] : bytes;
        hasExitCode = in.readBoolean();
        exitCode = in.readInt();
        description = Messages.orEmpty(in.readString());
        String[] lines = in.readStringArray();
        lastLines = lines == null ? List.of() : List.of(lines);
    }
}
