package io.github.mpeventloop.sample.status;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/status}: the loop's workers, queue and throughput, as JSON for the status panel. */
@RestController
class StatusController {

    private final LoopStatusReader reader;

    StatusController(LoopStatusReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/status")
    LoopStatus status() {
        return this.reader.read();
    }
}
