package io.github.mpeventloop.beans;

import org.springframework.stereotype.Component;

import io.github.mpeventloop.spring.worker.ConditionalOnWorker;

/** A bean only in the workers' context. */
@Component
@ConditionalOnWorker
public class WorkerOnlyMarker {

    public String where() {
        return "worker " + ProcessHandle.current().pid();
    }
}
