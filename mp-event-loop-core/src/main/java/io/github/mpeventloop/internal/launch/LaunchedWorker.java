package io.github.mpeventloop.internal.launch;

import java.time.Duration;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;

/** A started worker, seen from the parent: its channel and the means to end it. */
public interface LaunchedWorker {

    int id();

    /** Process id of the worker JVM (this JVM's for a worker thread). */
    long pid();

    /** Reads the worker's frames; one reader thread. */
    FrameReader reader();

    /** Sends frames to the worker. */
    FrameWriter writer();

    /** Closes the parent's end of the channel; the worker sees it end and exits. */
    void closeChannel();

    /** Waits up to {@code grace} for the worker to end, ends it by force if it did not, and reports how it ended. */
    ExitReport awaitExit(Duration grace);

    /** Ends the worker at once. */
    void destroy();
}
