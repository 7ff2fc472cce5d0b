package io.github.mpeventloop.sample.backlog;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.spring.OutputHandler;

/** Counts how the backlog's events ended, and says so when the application stops (after the loop drained). */
@Component
class BacklogTally implements DisposableBean {

    static final String KEY = "backlog";
    private static final Logger LOG = LoggerFactory.getLogger(BacklogTally.class);

    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    @OutputHandler(key = KEY)
    void count(EventResult<?> result) {
        (result.isSuccess() ? this.completed : this.failed).incrementAndGet();
    }

    @Override
    public void destroy() {
        LOG.info("Backlog: {} completed, {} failed", this.completed.get(), this.failed.get());
    }
}
