package io.github.mpeventloop.sample.backlog;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.mpeventloop.Event;
import io.github.mpeventloop.EventLoop;

/** Queues a backlog of short events; their outcomes are counted by {@link BacklogTally}. */
@RestController
class BacklogController {

    private final EventLoop eventLoop;

    BacklogController(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
    }

    @PostMapping("/backlog")
    Map<String, Integer> queue(@RequestParam(defaultValue = "1000") int events,
            @RequestParam(defaultValue = "10") int millis) {
        for (int i = 0; i < events; i++) {
            this.eventLoop.addEvent(Event.of(BacklogWork::pause, i, millis).key(BacklogTally.KEY));
        }
        return Map.of("queued", events);
    }
}
