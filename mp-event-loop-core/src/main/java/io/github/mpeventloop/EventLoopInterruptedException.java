package io.github.mpeventloop;

/**
 * A thread waiting on a loop ({@link EventLoop#awaitIdle(java.time.Duration)}, {@link EventLoop#close()})
 * was interrupted. The {@link InterruptedException} is the cause and the thread's interrupt flag
 * stays set, so that code further up still sees the interrupt. (An interrupted {@code addEvent}
 * waiting for room in a full queue throws {@link EventRejectedException} with the
 * {@link InterruptedException} as its cause instead, the event not being accepted.)
 */
public class EventLoopInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A wait on loop {@code loopName} ended by {@code cause}. */
    public EventLoopInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
