package io.github.mpeventloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.mpeventloop.fixtures.FloodMain;
import io.github.mpeventloop.spi.LaunchSettings;

/**
 * A producer submits 1,000,000 small events into a queue of 1,000 in a parent JVM limited to a
 * 64 MB heap: the queue's back-pressure keeps the heap bounded (unbounded, the events alone would
 * need several hundred megabytes) and every event completes.
 */
class LoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoadTest.class);

    @Test
    void aMillionEventsThroughABoundedQueueCompleteInA64MegabyteParent() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LaunchSettings.currentJava(), "-Xmx64m",
                "-XX:+ExitOnOutOfMemoryError", FloodMain.class.getName(), "1000000");
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        builder.redirectErrorStream(true);
        Process parent = builder.start();
        String done = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("DONE ")) {
                    done = line;
                }
            }
        } finally {
            if (!parent.waitFor(2, TimeUnit.MINUTES)) {
                parent.destroyForcibly();
            }
        }
        assertThat(parent.exitValue()).as("exit code of the flooding parent").isZero();
        assertThat(done).as("the parent's report").isNotNull();
        String[] parts = done.split(" ");
        assertThat(Long.parseLong(parts[1])).isEqualTo(1_000_000L);
        LOG.info("1,000,000 events through a queue of 1,000: parent heap peaked at {} MB of 64", parts[2]);
    }
}
