package io.github.mpeventloop;

import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.spi.WorkerLauncher;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/** Chooses the launcher of a loop's run: the builder's factory, else the backend's own launcher. */
final class LauncherChoice {

    private LauncherChoice() {
    }

    static WorkerLauncher of(LoopSettings settings) {
        LaunchSettings launch = new LaunchSettings(settings.name(), settings.javaExecutable(), settings.jvmOptions(),
                settings.classPath(), settings.workerMainClass(), settings.startTimeout(), settings.maxFrameBytes(),
                settings.recycleAboveHeapBytes(), settings.classDataSharing());
        WorkerLauncherFactory custom = settings.workerLauncher();
        if (custom != null) {
            return custom.create(launch);
        }
        if (settings.backend() == Backend.EXTERNAL) {
            throw new IllegalStateException("loop " + settings.name() + ": backend EXTERNAL needs the launcher of "
                    + "the module that places its workers: EventLoop.builder().workerLauncher(factory)");
        }
        return settings.backend().launcherFactory().create(launch);
    }
}
