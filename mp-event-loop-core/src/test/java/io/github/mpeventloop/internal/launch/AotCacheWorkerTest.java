package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.fixtures.JvmFacts;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.worker.WorkerMain;

/**
 * A worker on JDK 25 or later, started by this JVM (whatever its own Java), records the AOT cache
 * at its exit; the next worker starts from it, its own classes out of the cache, and answers; a
 * worker given a file that is no AOT cache starts without one. The JDK is found in the environment
 * variable {@value #JDK_VARIABLE} or next to this JVM's own JDK; without one the test is skipped,
 * saying so. Archives need a class path of jars, so this module's class directories are packed
 * into jars first.
 */
class AotCacheWorkerTest {

    private static final String JDK_VARIABLE = "MPEL_TEST_JDK25_HOME";

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aWorkerOnJdk25RecordsTheAotCacheAndTheNextWorkerStartsFromItAndAnswers() throws Exception {
        Path java = jdk25OrSkip();
        String classPath = JarredClassPath.of("aot-test");
        List<String> options = List.of("-Xlog:class+load=info:file=" + logs.resolve("classes-%p.log"));
        ClassDataArchive archive = new ProcessWorkerLauncher(settings(java, options, classPath)).archive();
        assertThat(archive.kind()).isEqualTo(ClassDataArchive.Kind.AOT_CACHE);
        Path cache = archive.file();
        Files.deleteIfExists(cache);
        try {
            try (EventLoop loop = loop(java, classPath).jvmOptions(options.toArray(String[]::new)).build().start()) {
                assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
                assertThat(loop.addEvent(JvmFacts::javaFeature).join()).isGreaterThanOrEqualTo(25);
                assertThat(arguments(loop)).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
                if (JavaRelease.of(java.toString()).orElseThrow().feature() == 25) {
                    assertThat(arguments(loop)).as("recorded without method profiles")
                            .containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");
                }
            }
            await().atMost(Duration.ofMinutes(10)).until(() -> Files.isRegularFile(cache));

            long pid;
            try (EventLoop loop = loop(java, classPath).jvmOptions(options.toArray(String[]::new)).build().start()) {
                assertThat(arguments(loop)).contains("-XX:AOTCache=" + cache);
                assertThat(loop.addEvent(Tasks::addOne, 41).join()).isEqualTo(42);
                assertThat(loop.addEvent(JvmFacts::sharesClassData).join())
                        .as("the worker's JVM accepted the cache").isTrue();
                pid = loop.workers().get(0).pid();
            }
            assertThat(logs.resolve("classes-" + pid + ".log"))
                    .as("the worker's own classes came from the cache")
                    .content().contains(WorkerMain.class.getName() + " source: shared objects file");
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aWorkerOnJdk25GivenACacheItCannotUseStartsWithoutItAndAnswers() throws Exception {
        Path java = jdk25OrSkip();
        String classPath = JarredClassPath.of("aot-test");
        List<String> options = List.of("-Dmpel.test=unusable-cache");
        Path cache = new ProcessWorkerLauncher(settings(java, options, classPath)).archive().file();
        Files.writeString(cache, "not an AOT cache");
        try (EventLoop loop = loop(java, classPath).jvmOptions(options.toArray(String[]::new)).build().start()) {
            assertThat(arguments(loop)).contains("-XX:AOTCache=" + cache);
            assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
            assertThat(loop.addEvent(JvmFacts::javaFeature).join()).isGreaterThanOrEqualTo(25);
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    private static Path jdk25OrSkip() throws IOException {
        Optional<Path> java = jdk25();
        if (java.isEmpty()) {
            System.err.println("AotCacheWorkerTest skipped: no JDK 25 or later next to "
                    + System.getProperty("java.home") + " and " + JDK_VARIABLE + " not set");
        }
        assumeTrue(java.isPresent(), "no JDK 25 or later next to " + System.getProperty("java.home")
                + " and " + JDK_VARIABLE + " not set: the AOT cache is not tested");
        return java.get();
    }

    private static EventLoopBuilder loop(Path java, String classPath) {
        return EventLoop.builder().name("aot").javaExecutable(java.toString()).classPath(classPath)
                .startTimeout(Duration.ofMinutes(2));
    }

    private static LaunchSettings settings(Path java, List<String> options, String classPath) {
        return new LaunchSettings("aot", java.toString(), options, classPath, WorkerMain.class.getName(),
                Duration.ofMinutes(2), 1 << 20, 0, true);
    }

    private static List<String> arguments(EventLoop loop) {
        long pid = loop.workers().get(0).pid();
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().arguments()).map(List::of).orElseThrow();
    }

    /** A JDK of release 25 or later: the one the environment names, else one next to this JVM's JDK. */
    private static Optional<Path> jdk25() throws IOException {
        String configured = System.getenv(JDK_VARIABLE);
        List<Path> homes = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            homes.add(Path.of(configured));
        } else {
            Path parent = Path.of(System.getProperty("java.home")).toRealPath().getParent();
            if (parent != null) {
                try (Stream<Path> siblings = Files.list(parent)) {
                    siblings.sorted().forEach(homes::add);
                }
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve("java");
            Optional<Runtime.Version> version = JavaRelease.fromReleaseFile(home.resolve("release"));
            if (Files.isExecutable(java) && version.isPresent() && version.get().feature() >= 25) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }
}
