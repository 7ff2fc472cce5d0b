package io.github.mpeventloop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.mpeventloop.internal.wire.WireLimits;
import io.github.mpeventloop.spi.BeanDirectory;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/** Everything an {@link EventLoopBuilder} collected, fixed when the loop is built. */
record LoopSettings(String name, int workers, Backend backend, List<String> jvmOptions, String javaExecutable,
        String classPath, String workerMainClass, Duration startTimeout, int maxFrameBytes, int queueCapacity,
        @Nullable Duration blockWhenFull, boolean hasResults, @Nullable ResultConsumer consumer,
        @Nullable Executor handlerExecutor, Duration stopTimeout, int maxInFlightPerWorker,
        Map<String, Target> namedTargets, @Nullable Duration eventTimeout, int maxRestarts, Duration restartWindow,
        Duration restartBackoff, Duration maxRestartBackoff, long recycleAfterEvents, long recycleAboveHeapBytes,
        Target.@Nullable Call0<? extends Map<String, ?>> workerInitializer, boolean classDataSharing,
        @Nullable WorkerLauncherFactory workerLauncher, Duration cancelGrace, Duration livenessTimeout, Duration ownerShutdownGrace,
        WireLimits wireLimits, @Nullable BeanDirectory beanDirectory) {
}
