package io.github.mpeventloop.internal.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The first two frames on a channel: the worker's {@link WorkerFrame.Hello} (protocol version, the
 * one-time secret it was handed on its standard input, pid, Java version) and the parent's
 * {@link ParentFrame.Welcome} (the worker's id and the limits). A wrong version or secret ends the
 * channel before any event is sent.
 */
public final class Handshake {

    private Handshake() {
    }

    /** Parent side: reads and checks the worker's hello, then welcomes it. */
    public static WorkerFrame.Hello welcome(FrameReader reader, FrameWriter writer, JsonMapper mapper, String secret,
            ParentFrame.Welcome welcome) throws IOException {
        FrameReader.Frame frame = reader.next();
        if (frame == null) {
            throw new ProtocolException("channel closed while waiting for a \"hello\" frame");
        }
        WorkerFrame first = new WorkerFrameDecoder(mapper).decode(frame, WorkerFrameDecoder.NO_VALUES);
        if (!(first instanceof WorkerFrame.Hello hello)) {
            throw new ProtocolException("expected a \"hello\" frame, got \"" + first.kind().wireName() + "\"");
        }
        if (hello.protocol() != Frames.PROTOCOL_VERSION) {
            throw new ProtocolException("worker speaks protocol " + hello.protocol() + ", this parent speaks "
                    + Frames.PROTOCOL_VERSION + ": both sides must run the same mp-event-loop version");
        }
        byte[] presented = hello.secret().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(presented, secret.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProtocolException("peer did not present this worker's secret; connection refused");
        }
        ParentFrames.append(writer, welcome);
        writer.flush();
        return hello;
    }

    /** Worker side: says hello with the secret and waits for the welcome, without {@code codec}'s mapper. */
    public static ParentFrame.Welcome hello(FrameReader reader, FrameWriter writer, WireCodec codec, String secret)
            throws IOException {
        new WorkerFrameEncoder(codec).append(writer, new WorkerFrame.Hello(Frames.PROTOCOL_VERSION, secret,
                ProcessHandle.current().pid(), Runtime.version().toString()));
        writer.flush();
        FrameReader.Frame frame = reader.next();
        if (frame == null) {
            throw new ProtocolException("channel closed while waiting for a \"welcome\" frame");
        }
        ParentFrame first = new ParentFrameDecoder(codec.factory()).decode(frame);
        if (!(first instanceof ParentFrame.Welcome welcome)) {
            throw new ProtocolException("expected a \"welcome\" frame, got \"" + first.kind().wireName() + "\"");
        }
        if (welcome.protocol() != Frames.PROTOCOL_VERSION) {
            throw new ProtocolException("parent speaks protocol " + welcome.protocol() + ", this worker speaks "
                    + Frames.PROTOCOL_VERSION + ": both sides must run the same mp-event-loop version");
        }
        return welcome;
    }

    /** A flush for {@link FrameReader}'s before-blocking hook. */
    public static Runnable flushing(FrameWriter writer) {
        return () -> {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
