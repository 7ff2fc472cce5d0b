package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.mpeventloop.internal.process.ExitGuard;

/**
 * Every worker process this JVM started, and the one shutdown hook that ends them when this JVM
 * exits normally or by a signal it can handle: the safety net. It first lets the loops that are
 * being closed by their owners (or will be, such as a Spring application's lifecycle) finish,
 * each within its grace ({@link ExitGuard}); then the standard input of the workers still there,
 * those of loops nobody closes, is closed (a worker exits at once when it sees that), and what is
 * left after a short grace is killed with its descendants. Against SIGKILL of this JVM only the
 * workers' own watch of their input helps, and it does.
 */
final class WorkerProcesses {

    private static final long GRACE_MILLIS = 2000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerProcesses::endAll, "mp-event-loop-worker-reaper"));
    }

    private WorkerProcesses() {
    }

    static void track(Process process) {
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
    }

    private static void endAll() {
        ExitGuard.awaitOwners();
        List<Process> processes = List.copyOf(LIVE);
        for (Process process : processes) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already closed
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (Process process : processes) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
