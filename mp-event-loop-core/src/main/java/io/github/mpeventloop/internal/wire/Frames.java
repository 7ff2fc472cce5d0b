package io.github.mpeventloop.internal.wire;

/**
 * What every frame shares: the protocol version and the frame's outer shape, one JSON object whose
 * first member is its {@code "type"}, written by {@link FrameGenerator}. The frames themselves are the records of {@link ParentFrame}
 * and {@link WorkerFrame}, whose {@code Kind}s name their types; {@code docs/protocol.md}
 * describes each of them.
 */
public final class Frames {

    /**
     * Version of the protocol; parent and worker refuse each other when theirs differ. 4: every
     * frame is a record of {@link ParentFrame} or {@link WorkerFrame}, read in one streaming pass.
     */
    public static final int PROTOCOL_VERSION = 4;

    /** The member that names a frame's type; the first member of every frame. */
    static final String TYPE = "type";

    private Frames() {
    }
}
