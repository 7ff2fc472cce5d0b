package io.github.mpeventloop;

import java.time.Duration;

import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;

/**
 * A worker whose handshake succeeded: the launcher's channel with the frame reader and writer on
 * it, and the process id the worker reported of itself.
 */
record WorkerLink(WorkerChannel channel, FrameReader reader, FrameWriter writer, long pid) {

    int id() {
        return channel.id();
    }

    void closeChannel() {
        channel.closeChannel();
    }

    ExitReport awaitExit(Duration grace) {
        return channel.awaitExit(grace);
    }

    void destroy() {
        channel.destroy();
    }
}
