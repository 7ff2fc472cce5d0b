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
     * Workers run in the members of a Hazelcast cluster: needs the module
     * {@code mp-event-loop-hazelcast}, which supplies the launcher through
     * {@link EventLoop.Builder#workerLauncher} (its Spring Boot auto-configuration does so for
     * {@code mp.event-loop.backend=hazelcast}). Without that launcher, {@code start()} fails.
     */
    HAZELCAST
}
