package io.github.mpeventloop;

import org.jspecify.annotations.Nullable;

/**
 * The worker running an event died or broke its channel before answering. The message is the
 * worker's report: its id and pid, how it ended (exit code, signal) and the last lines it wrote.
 */
public class WorkerLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int workerId;
    private final @Nullable Integer exitCode;

    WorkerLostException(String message, int workerId, @Nullable Integer exitCode, @Nullable Throwable cause) {
        super(message, cause);
        this.workerId = workerId;
        this.exitCode = exitCode;
    }

    public int workerId() {
        return workerId;
    }

    /** The worker's exit code, or {@code null} if it had not exited when the report was made. */
    public @Nullable Integer exitCode() {
        return exitCode;
    }
}
