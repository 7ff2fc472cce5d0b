package io.github.mpeventloop.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.spring.OutputHandler;

/** A web application that uses the auto-configured event loop, for the full-application test. */
@SpringBootApplication
public class TestApplication {

    /** What the output handlers saw, in order. */
    @Component
    public static class Journal {

        private final List<String> entries = new CopyOnWriteArrayList<>();

        void add(String entry) {
            this.entries.add(entry);
        }

        public List<String> entries() {
            return this.entries;
        }
    }

    /** The first output handler. */
    @Component
    public static class FirstHandler {

        private final Journal journal;

        FirstHandler(Journal journal) {
            this.journal = journal;
        }

        @OutputHandler
        @Order(1)
        void record(EventResult<Integer> result) {
            this.journal.add("first:" + result.eventKey() + "=" + result.value());
        }
    }

    /** The second output handler. */
    @Component
    public static class SecondHandler {

        private final Journal journal;

        SecondHandler(Journal journal) {
            this.journal = journal;
        }

        @OutputHandler
        @Order(2)
        void record(EventResult<Integer> result) {
            this.journal.add("second:" + result.eventKey() + "=" + result.value());
        }
    }
}
