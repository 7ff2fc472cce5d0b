package io.github.mpeventloop.sample.crash;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerLostException;
import io.github.mpeventloop.sample.status.WorkerWatch;

/**
 * {@code POST /api/crash} sends an event that makes the worker running it halt in the middle of its
 * next tile, and answers with that worker's pid. The loop replaces the worker; the tile it was
 * rendering runs again on another worker (tiles allow one retry), and the page shows both. Refused
 * (409) when the loop runs events in this JVM (the thread backend), which the crash would halt.
 *
 * <p>A worker sends its answers in batches, within a millisecond of the start of its next event. In
 * the middle of a render the next event is a tile, which may reach the halt first: then the crash
 * event's own answer dies with the worker and the event fails with {@link WorkerLostException}. The
 * report says so, with the pid of that worker as the loop last listed it.
 */
@RestController
class CrashController {

    private static final String HOW = "halted by the crash button: Runtime.getRuntime().halt(" + Crash.EXIT_STATUS
            + ") in the middle of a tile, exit code " + Crash.EXIT_STATUS;

    private final EventLoop loop;
    private final WorkerWatch watch;

    CrashController(EventLoop loop, WorkerWatch watch) {
        this.loop = loop;
        this.watch = watch;
    }

    @PostMapping("/api/crash")
    CompletableFuture<CrashReport> crash() {
        long self = ProcessHandle.current().pid();
        if (this.loop.workers().stream().anyMatch(worker -> worker.pid() == self)) {
            // The thread backend runs events in this JVM: the crash would halt the application itself.
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the loop's workers run in this JVM (thread backend)");
        }
        return this.loop.addEvent(Event.of(Crash::haltDuringNextTile).key("crash"))
            .thenApply(pid -> report(pid, "worker pid " + pid + " halts with exit code " + Crash.EXIT_STATUS
                    + " in the middle of the next tile it renders"))
            .exceptionally(this::haltedBeforeItsAnswer);
    }

    private CrashReport haltedBeforeItsAnswer(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof WorkerLostException lost) {
            OptionalLong pid = this.watch.pidOf(lost.workerId());
            if (pid.isPresent()) {
                return report(pid.getAsLong(), "worker pid " + pid.getAsLong() + " halted with exit code "
                        + Crash.EXIT_STATUS + " in the middle of a tile before its answer to the crash event left it");
            }
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }

    private CrashReport report(long pid, String message) {
        this.watch.crashArmed(pid, HOW);
        return new CrashReport(pid, message);
    }
}
