package io.github.mpeventloop;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mpeventloop.internal.launch.Secrets;
import io.github.mpeventloop.internal.wire.FrameReader;
import io.github.mpeventloop.internal.wire.FrameWriter;
import io.github.mpeventloop.internal.wire.Handshake;
import io.github.mpeventloop.internal.wire.ParentFrame;
import io.github.mpeventloop.internal.wire.WorkerFrame;
import io.github.mpeventloop.spi.ExitReport;
import io.github.mpeventloop.spi.WorkerChannel;
import io.github.mpeventloop.spi.WorkerLauncher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings up one worker: asks the launcher for its channel (with a fresh secret), then runs the
 * handshake on it, the only place it runs, whatever the launcher. A worker that does not complete
 * the handshake within the start timeout has its channel closed by the loop's timer and is reported
 * with how it ended.
 */
final class WorkerConnector {

    private final LoopSettings settings;
    private final JsonMapper mapper;
    private final WorkerLauncher launcher;
    private final ScheduledExecutorService timer;

    WorkerConnector(LoopSettings settings, JsonMapper mapper, WorkerLauncher launcher, ScheduledExecutorService timer) {
        this.settings = settings;
        this.mapper = mapper;
        this.launcher = launcher;
        this.timer = timer;
    }

    /** A new worker's flow window: the loop's maximum, with the launcher's factor ({@link WorkerLauncher#inFlightFactor()}). */
    FlowWindow flowWindow() {
        return FlowWindow.of(settings.maxInFlightPerWorker(), launcher.inFlightFactor());
    }

    /**
     * Starts worker {@code workerId} and completes its handshake.
     *
     * @throws WorkerStartException if it does not come up, naming why
     */
    WorkerLink connect(int workerId) {
        String secret = Secrets.newSecret();
        WorkerChannel channel = launcher.launch(workerId, secret);
        FrameReader reader = new FrameReader(channel.fromWorker(), settings.maxFrameBytes(), () -> { });
        FrameWriter writer = new FrameWriter(channel.toWorker(), settings.maxFrameBytes());
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timeout = timer.schedule(() -> {
            timedOut.set(true);
            channel.closeChannel();
        }, settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            WorkerFrame.Hello hello = Handshake.welcome(reader, writer, mapper, secret,
                    new ParentFrame.Welcome(workerId, settings.wireLimits(), settings.recycleAboveHeapBytes()));
            return new WorkerLink(channel, reader, writer, hello.pid() > 0 ? hello.pid() : channel.pid());
        } catch (IOException | RuntimeException e) {
            String name = settings.name() + "-worker-" + workerId;
            ExitReport report = channel.awaitExit(Duration.ofMillis(500));
            String how = timedOut.get() ? "did not complete its handshake within " + settings.startTimeout().toMillis()
                    + " ms" : "failed its handshake: " + e;
            throw new WorkerStartException(name + " " + how + "; " + report.format(), e);
        } finally {
            timeout.cancel(false);
        }
    }
}
