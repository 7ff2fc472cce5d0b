package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.fixtures.GreeterBootstrap;
import io.github.mpeventloop.fixtures.Tasks;
import io.github.mpeventloop.internal.process.WorkerProcessContract;
import io.github.mpeventloop.spi.LaunchSettings;
import io.github.mpeventloop.worker.WorkerMain;

/**
 * The parent tells a worker that its class path holds no bootstrap only when it knows: the class
 * path is its own and has no service file; a worker told so skips its look-up.
 */
class BootstrapServicesTest {

    @TempDir
    Path dir;

    @Test
    void aClassPathOfItsOwnWithoutAServiceFileHasNoBootstraps() throws IOException {
        Path plain = jar("plain.jar", false);
        Path withBootstrap = jar("bootstrap.jar", true);
        String without = plain.toString();
        String with = plain + File.pathSeparator + withBootstrap;

        try (URLClassLoader loader = loader(plain)) {
            assertThat(BootstrapServices.noneOn(without, without, loader)).isTrue();
            assertThat(BootstrapServices.noneOn(with, without, loader)).as("another class path").isFalse();
            assertThat(BootstrapServices.noneOn("", "", loader)).as("no class path").isFalse();
        }
        try (URLClassLoader loader = loader(plain, withBootstrap)) {
            assertThat(BootstrapServices.noneOn(with, with, loader)).isFalse();
        }
    }

    @Test
    void theLauncherDoesNotTellAWorkerWhoseClassPathHasABootstrap() {
        String ownClassPath = System.getProperty("java.class.path");
        LaunchSettings settings = new LaunchSettings("told", LaunchSettings.currentJava(), List.of(), ownClassPath,
                WorkerMain.class.getName(), Duration.ofMinutes(1), 1 << 20, 0, false);

        assertThat(new ProcessWorkerLauncher(settings).command(1))
                .as("this module's test classes offer a bootstrap")
                .noneMatch(option -> option.contains(WorkerProcessContract.NO_BOOTSTRAPS_PROPERTY));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWorkerToldThatItHasNoBootstrapsSkipsTheLookUpAndAnswers() throws Exception {
        try (EventLoop loop = EventLoop.builder().name("no-bootstraps").startTimeout(Duration.ofMinutes(1))
                .jvmOptions("-D" + GreeterBootstrap.PROPERTY + "=fail",
                        "-D" + WorkerProcessContract.NO_BOOTSTRAPS_PROPERTY + "=true")
                .build().start()) {
            assertThat(loop.addEvent(Tasks::addOne, 1).join())
                    .as("the failing bootstrap on its class path did not run").isEqualTo(2);
        }
    }

    private Path jar(String name, boolean withServiceFile) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(withServiceFile ? BootstrapServices.SERVICE_FILE : "data.txt"));
            out.write(GreeterBootstrap.class.getName().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static URLClassLoader loader(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
