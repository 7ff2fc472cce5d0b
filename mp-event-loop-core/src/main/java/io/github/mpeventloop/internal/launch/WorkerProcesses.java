package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.github.mpeventloop.internal.process.ExitGuard;

/**
 * Every worker process this JVM started, and the one shutdown hook that ends them when this JVM
 * exits normally or by a signal it can handle: the safety net. It first lets the loops that are
 * being closed by their owners (or will be, such as a Spring application's lifecycle) finish,
 * each within its grace ({@link ExitGuard}); then the standard input of the workers still there,
 * those of loops nobody closes, is closed (a worker exits at once when it sees that), and what is
 * left after a short grace is killed with its descendants. Against SIGKILL of this JVM only the
 * workers' own watch of their input helps, and it does. A worker that records the workers' start-up
 * archive and is writing it when this JVM exits (the JDK 25 AOT cache is assembled by a child JVM
 * of the worker, which takes seconds) is given up to {@value #ARCHIVE_GRACE_SECONDS} s more to
 * finish, once per JDK and class path, rather than losing the archive at every exit.
 */
final class WorkerProcesses {

    private static final long GRACE_MILLIS = 2000;
    private static final long ARCHIVE_GRACE_SECONDS = 60;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Map<Process, Recording> RECORDING = new ConcurrentHashMap<>();

    /** A worker that records the start-up archive: whether it is writing it, and the archive put in place. */
    private record Recording(BooleanSupplier writing, CompletableFuture<?> archived) {
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerProcesses::endAll, "mp-event-loop-worker-reaper"));
    }

    private WorkerProcesses() {
    }

    /**
     * Tracks a worker process, with whether it is writing the start-up archive after its end and
     * the future of that archive put in place.
     */
    static void track(Process process, BooleanSupplier writingArchive, CompletableFuture<?> archived) {
        LIVE.add(process);
        if (!archived.isDone()) {
            RECORDING.put(process, new Recording(writingArchive, archived));
        }
        process.onExit().thenRun(() -> {
            LIVE.remove(process);
            RECORDING.remove(process);
        });
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
            Recording recording = RECORDING.get(process);
            if (recording != null && process.isAlive() && recording.writing().getAsBoolean()) {
                waitUntilArchived(recording.archived());
            }
        }
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void waitUntilArchived(CompletableFuture<?> archived) {
        try {
            archived.get(ARCHIVE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the archive is recorded again by a later worker
        }
    }
}
