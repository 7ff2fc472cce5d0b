package io.github.mpeventloop.tracedapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.Work;

/** A web application whose requests submit events, traced with Brave, for the tracing test. */
@SpringBootApplication
public class TracedApplication {

    /** Every span that ended, as Brave reports it. */
    @Bean
    FinishedSpans finishedSpans() {
        return new FinishedSpans();
    }

    /** Collects finished spans. */
    public static class FinishedSpans extends SpanHandler {

        private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            this.spans.add(span);
            return true;
        }

        public List<MutableSpan> spans() {
            return this.spans;
        }
    }

    /** Submits an event per request and answers with its value. */
    @RestController
    static class SquareController {

        private final EventLoop loop;

        SquareController(EventLoop loop) {
            this.loop = loop;
        }

        @GetMapping("/square")
        int square(@RequestParam int value) throws Exception {
            return this.loop.addEvent(Work::loggedSquare, value).get(30, TimeUnit.SECONDS);
        }
    }
}
