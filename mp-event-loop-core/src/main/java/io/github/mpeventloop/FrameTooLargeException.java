package io.github.mpeventloop;

/**
 * A frame is larger than the frame limit. Thrown by {@code addEvent} when an event's arguments
 * encode past the limit (encoding stops there, so the oversized frame is never built in full);
 * a result over the limit fails its event with this error in the worker, which goes on serving.
 */
public class FrameTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long size;

    public FrameTooLargeException(long limit, long size) {
        this("a frame", limit, size);
    }

    /**
     * A frame over the limit because of {@code what} (such as {@code "the result, a java.lang.String,"}),
     * which the message names.
     */
    public FrameTooLargeException(String what, long limit, long size) {
        super(what + " of at least " + size + " bytes is over the frame limit of " + limit + " bytes (raise it "
                + "with EventLoopBuilder.maxFrameBytes(...) or the property mp.event-loop.frame.max-size)");
        this.limit = limit;
        this.size = size;
    }

    public long limit() {
        return limit;
    }

    /** Size reached when the frame was refused: a lower bound of its full size. */
    public long size() {
        return size;
    }
}
