package io.github.mpeventloop.twoloops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventResult;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.spring.OutputHandler;

/** An application with two event loops, each built from the auto-configured {@link EventLoopBuilder} bean. */
@SpringBootApplication
public class TwoLoopsApplication {

    @Bean
    @Primary
    EventLoop mainLoop(EventLoopBuilder builder) {
        return builder.name("main").build();
    }

    @Bean
    EventLoop imagesLoop(EventLoopBuilder builder) {
        return builder.name("images").build();
    }

    /** Output handlers of both loops, and what they saw. */
    @Component
    public static class Handlers {

        private final List<String> seen = new CopyOnWriteArrayList<>();

        @OutputHandler
        void main(EventResult<Integer> result) {
            this.seen.add("main:" + result.value());
        }

        @OutputHandler(loop = "imagesLoop")
        void images(EventResult<Integer> result) {
            this.seen.add("images:" + result.value());
        }

        @OutputHandler(loop = "images")
        void imagesByLoopName(Integer value) {
            this.seen.add("images-by-name:" + value);
        }

        public List<String> seen() {
            return this.seen;
        }
    }
}
