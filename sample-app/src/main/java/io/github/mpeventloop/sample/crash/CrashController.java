package io.github.mpeventloop.sample.crash;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.sample.status.WorkerWatch;

/**
 * {@code POST /api/crash} sends an event that makes the worker running it halt in the middle of its
 * next tile, and answers with that worker's pid. The loop replaces the worker; the tile it was
 * rendering runs again on another worker (tiles allow one retry), and the page shows both. Refused
 * (409) when the loop runs events in this JVM (the thread backend), which the crash would halt.
 */
@RestController
class CrashController {

    private final EventLoop loop;
    private final WorkerWatch watch;

    CrashController(EventLoop loop, WorkerWatch watch) {
        this.loop = loop;
        this.watch = watch;
    }

    private long armed(long pid) {
        this.watch.crashArmed(pid, "halted by the crash button: Runtime.getRuntime().halt(" + Crash.EXIT_STATUS
                + ") in the middle of a tile, exit code " + Crash.EXIT_STATUS);
        return pid;
    }

    @PostMapping("/api/crash")
    CompletableFuture<CrashReport> crash() {
        long self = ProcessHandle.current().pid();
        if (this.loop.workers().stream().anyMatch(worker -> worker.pid() == self)) {
            // The thread backend runs events in this JVM: the crash would halt the application itself.
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the loop's workers run in this JVM (thread backend)");
        }
        return this.loop.addEvent(Event.of(Crash::haltDuringNextTile).key("crash"))
            .thenApply(pid -> armed(pid))
            .thenApply(pid -> new CrashReport(pid, "worker pid " + pid + " halts with exit code " + Crash.EXIT_STATUS
                    + " in the middle of its next tile (or within " + Crash.FALLBACK_MILLIS + " ms if it has none)"));
    }
}
