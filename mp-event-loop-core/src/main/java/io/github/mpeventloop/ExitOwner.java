package io.github.mpeventloop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.mpeventloop.internal.process.ExitGuard;

/**
 * One run of a loop as the JVM-exit safety net sees it. A loop being closed (its {@code close()} or
 * {@code stop()} runs, or it stopped accepting, the first step of a lifecycle's drain) is given the
 * time its close may take; a loop whose owner closes it at exit ({@link EventLoopBuilder#ownerShutdownGrace})
 * is given that grace; any other loop none: its workers are ended at once.
 */
final class ExitOwner implements ExitGuard.Owner {

    /** Beyond the stop bounds: the workers' goodbye, the readers' end. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final LoopSettings settings;
    private final BooleanSupplier closing;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ExitOwner(LoopSettings settings, BooleanSupplier closing) {
        this.settings = settings;
        this.closing = closing;
    }

    /** The run ended: its workers are gone. */
    void stopped() {
        stopped.countDown();
    }

    @Override
    public Duration closingGrace() {
        Duration owner = settings.ownerShutdownGrace();
        if (!closing.getAsBoolean()) {
            return owner;
        }
        Duration close = settings.stopTimeout().multipliedBy(2).plus(MARGIN);
        return owner.compareTo(close) > 0 ? owner : close;
    }

    @Override
    public boolean awaitClosed(long nanos) throws InterruptedException {
        return stopped.await(nanos, TimeUnit.NANOSECONDS);
    }
}
