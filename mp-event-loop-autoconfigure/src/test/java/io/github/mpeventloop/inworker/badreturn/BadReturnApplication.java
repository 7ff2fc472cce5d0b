package io.github.mpeventloop.inworker.badreturn;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

import io.github.mpeventloop.spring.worker.InWorker;

/** An application with an @InWorker method whose result a caller could not get at once. */
@SpringBootApplication
public class BadReturnApplication {

    /** Returns its value directly. */
    @Service
    public static class SyncRenderer {

        @InWorker
        public String render(int size) {
            return "tile " + size;
        }
    }
}
