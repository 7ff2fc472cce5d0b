package io.github.mpeventloop;

import io.github.mpeventloop.internal.launch.ProcessWorkerLauncher;
import io.github.mpeventloop.internal.launch.ThreadWorkerLauncher;
import io.github.mpeventloop.spi.WorkerLauncherFactory;

/** Where workers run (the seed's {@code use()}). */
public enum Backend {
    /** Each worker is a child JVM process: isolation from crashes, leaks and native code. The default. */
    PROCESS,
    /**
     * Each worker is a thread of this JVM, behind the same channel and codec: every argument and
     * result still makes the JSON round trip, so tests run fast and still catch what would not
     * cross a process boundary. No isolation.
     */
    THREAD,
    /**
     * Workers placed by a launcher of another module, given through
     * {@link EventLoopBuilder#workerLauncher(io.github.mpeventloop.spi.WorkerLauncherFactory)} (a
     * module's Spring Boot auto-configuration may do so for its {@code mp.event-loop.backend}
     * value). Without that launcher, {@code start()} fails. A launcher, when given, is used
     * whatever the backend says.
     */
    EXTERNAL;

    /**
     * This backend's own launcher, as the loop uses it. For a module that places workers itself and
     * starts them where it runs, such as a Hazelcast host agent that starts ordinary child-JVM
     * workers with {@code PROCESS.launcherFactory()}, exactly as a local loop would. (It lives here,
     * in the API, because the SPI package may not know the launchers' implementations.)
     *
     * @throws IllegalStateException for {@link #EXTERNAL}, which has no launcher of its own
     */
    public WorkerLauncherFactory launcherFactory() {
        switch (this) {
            case PROCESS:
                return ProcessWorkerLauncher::new;
            case THREAD:
                return ThreadWorkerLauncher::new;
            default:
                throw new IllegalStateException("backend " + this + " has no launcher of its own: it needs the "
                        + "launcher of the module that places its workers, EventLoop.builder().workerLauncher(factory)");
        }
    }
}
