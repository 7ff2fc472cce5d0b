package io.github.mpeventloop.sample.crash;

import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;

/**
 * {@code POST /api/crash} sends an event that makes the worker running it halt in the middle of its
 * next tile, and answers with that worker's pid. The loop replaces the worker; the tile it was
 * rendering runs again on another worker (tiles allow one retry), and the page shows both.
 */
@RestController
class CrashController {

    private final EventLoop loop;

    CrashController(EventLoop loop) {
        this.loop = loop;
    }

    @PostMapping("/api/crash")
    CompletableFuture<CrashReport> crash() {
        return this.loop.addEvent(Event.of(Crash::haltDuringNextTile).key("crash"))
            .thenApply(pid -> new CrashReport(pid, "worker pid " + pid + " halts with exit code " + Crash.EXIT_STATUS
                    + " in the middle of its next tile (or within " + Crash.FALLBACK_MILLIS + " ms if it has none)"));
    }
}
