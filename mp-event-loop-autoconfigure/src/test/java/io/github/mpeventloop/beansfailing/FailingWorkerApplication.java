package io.github.mpeventloop.beansfailing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import io.github.mpeventloop.spring.worker.ConditionalOnWorker;

/** An application whose worker context cannot start: a worker-only bean needs a property nobody set. */
@SpringBootApplication
public class FailingWorkerApplication {

    /** Needs {@code render.licence-key}, which no configuration sets. */
    @Component
    @ConditionalOnWorker
    public static class LicensedRenderer {

        public LicensedRenderer(@Value("${render.licence-key}") String licenceKey) {
        }
    }
}
