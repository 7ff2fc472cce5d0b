package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.internal.launch.ClassDataArchive.Kind;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.worker.WorkerMain;

/**
 * A worker of this JVM's own Java whose start-up archive is in place but unusable (a damaged file,
 * or one another JVM build wrote) starts without it and answers: the JVM maps an archive only when
 * it validates, and the worker's options keep its complaint out of the output.
 */
class UnusableArchiveWorkerTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWorkerGivenAnArchiveItCannotUseStartsWithoutItAndAnswers() throws Exception {
        String classPath = JarredClassPath.of("unusable-archive-test");
        List<String> options = List.of("-Dmpel.test=unusable-archive");
        LaunchSettings settings = new LaunchSettings("unusable", LaunchSettings.currentJava(), options, classPath,
                WorkerMain.class.getName(), Duration.ofMinutes(1), 1 << 20, 0, true);
        ClassDataArchive archive = new ProcessWorkerLauncher(settings).archive();
        assumeTrue(archive.kind() == Kind.RECORDED_AT_EXIT || archive.kind() == Kind.AOT_CACHE,
                "this JVM's Java keeps its archive itself or has none: " + archive.kind());
        Path file = archive.file();
        Files.writeString(file, "not an archive");
        try (EventLoop loop = EventLoop.builder().name("unusable").classPath(classPath)
                .jvmOptions(options.toArray(String[]::new)).startTimeout(Duration.ofMinutes(1)).build().start()) {
            long pid = loop.workers().get(0).pid();
            List<String> arguments = ProcessHandle.of(pid).flatMap(handle -> handle.info().arguments())
                    .map(List::of).orElseThrow();
            assertThat(arguments).as("the worker was given the unusable archive")
                    .anyMatch(option -> option.endsWith(file.toString()));
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            assertThat(loop.addEvent(Tasks::addOne, 41).join()).isEqualTo(42);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
