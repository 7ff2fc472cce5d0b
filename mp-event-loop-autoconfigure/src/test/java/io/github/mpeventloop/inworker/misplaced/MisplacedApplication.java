package io.github.mpeventloop.inworker.misplaced;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

import io.github.mpeventloop.spring.worker.ConditionalOnNotWorker;
import io.github.mpeventloop.spring.worker.InWorker;

/** An application whose @InWorker bean is kept out of the workers: it must not start. */
@SpringBootApplication
public class MisplacedApplication {

    /** Has an @InWorker method, but is no bean in a worker. */
    @Service
    @ConditionalOnNotWorker
    public static class ParentOnlyRenderer {

        @InWorker
        public CompletableFuture<String> render(int size) {
            return CompletableFuture.completedFuture("tile " + size);
        }
    }
}
