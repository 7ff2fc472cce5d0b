package io.github.mpeventloop.sample.crash;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.WorkerLostException;

/**
 * {@code POST /api/crash} sends an event that kills the worker running it, and answers, once the
 * loop has noticed, with the lost worker's id and exit code. The loop replaces the worker; events
 * the dead worker held fail or, if they allow retries, run again on another worker.
 */
@RestController
class CrashController {

    private final EventLoop loop;

    CrashController(EventLoop loop) {
        this.loop = loop;
    }

    @PostMapping("/api/crash")
    CompletableFuture<CrashReport> crash() {
        return this.loop.addEvent(Event.of(Crash::haltWorker).key("crash"))
            .handle((nothing, error) -> report(error instanceof CompletionException ? error.getCause() : error));
    }

    private static CrashReport report(@Nullable Throwable error) {
        if (error instanceof WorkerLostException lost) {
            return new CrashReport(true, lost.workerId(), lost.exitCode(), String.valueOf(lost.getMessage()));
        }
        return new CrashReport(false, 0, null,
                error == null ? "the crash event returned: its worker is still alive" : error.toString());
    }
}
