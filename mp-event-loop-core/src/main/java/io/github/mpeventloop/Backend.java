package io.github.mpeventloop;

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
    EXTERNAL
}
