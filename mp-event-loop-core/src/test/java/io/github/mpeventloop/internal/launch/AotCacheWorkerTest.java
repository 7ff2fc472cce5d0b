package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.fixtures.JvmFacts;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.worker.WorkerMain;

/**
 * A worker on JDK 25 or later, started by this JVM (whatever its own Java), records the AOT cache
 * at its exit; the next worker starts from it and answers. The JDK is found in the environment
 * variable {@value #JDK_VARIABLE} or next to this JVM's own JDK; without one the test is skipped,
 * saying so. Archives need a class path of jars, so this module's class directories are packed
 * into jars first.
 */
class AotCacheWorkerTest {

    private static final String JDK_VARIABLE = "MPEL_TEST_JDK25_HOME";

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aWorkerOnJdk25RecordsTheAotCacheAndTheNextWorkerStartsFromItAndAnswers() throws Exception {
        Optional<Path> java = jdk25();
        if (java.isEmpty()) {
            System.err.println("AotCacheWorkerTest skipped: no JDK 25 or later next to "
                    + System.getProperty("java.home") + " and " + JDK_VARIABLE + " not set");
        }
        assumeTrue(java.isPresent(), "no JDK 25 or later next to " + System.getProperty("java.home")
                + " and " + JDK_VARIABLE + " not set: the AOT cache is not tested");
        String classPath = jarredClassPath();
        ClassDataArchive archive = new ProcessWorkerLauncher(settings(java.get(), classPath)).archive();
        assertThat(archive.kind()).isEqualTo(ClassDataArchive.Kind.AOT_CACHE);
        Path cache = archive.file();
        Files.deleteIfExists(cache);
        try {
            try (EventLoop loop = loop(java.get(), classPath).build().start()) {
                assertThat(loop.addEvent(Tasks::addOne, 1).join()).isEqualTo(2);
                assertThat(loop.addEvent(JvmFacts::javaFeature).join()).isGreaterThanOrEqualTo(25);
                assertThat(arguments(loop)).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
            }
            await().atMost(Duration.ofMinutes(10)).until(() -> Files.isRegularFile(cache));

            try (EventLoop loop = loop(java.get(), classPath).build().start()) {
                assertThat(arguments(loop)).contains("-XX:AOTCache=" + cache);
                assertThat(loop.addEvent(Tasks::addOne, 41).join()).isEqualTo(42);
                assertThat(loop.addEvent(JvmFacts::sharesClassData).join())
                        .as("the worker's JVM accepted the cache").isTrue();
            }
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    private static EventLoopBuilder loop(Path java, String classPath) {
        return EventLoop.builder().name("aot").javaExecutable(java.toString()).classPath(classPath)
                .startTimeout(Duration.ofMinutes(2));
    }

    private static LaunchSettings settings(Path java, String classPath) {
        return new LaunchSettings("aot", java.toString(), List.of(), classPath, WorkerMain.class.getName(),
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

    /** This JVM's class path with every directory packed into a jar of its own. */
    private static String jarredClassPath() throws IOException {
        Path jars = Files.createDirectories(Path.of("target", "aot-test-class-path")).toAbsolutePath();
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = jars.resolve("dir-" + index++ + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                entries.add(path.toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path directory, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(directory.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
