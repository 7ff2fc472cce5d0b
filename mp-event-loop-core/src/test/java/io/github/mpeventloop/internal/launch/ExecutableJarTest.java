package io.github.mpeventloop.internal.launch;

import io.github.mpeventloop.spi.LaunchSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.worker.WorkerMain;

class ExecutableJarTest {

    @TempDir
    Path dir;

    @Test
    void aSingleJarWhoseMainClassIsABootLauncherIsDetectedByItsAbsolutePath() throws IOException {
        Path jar = jar("app.jar", "org.springframework.boot.loader.launch.JarLauncher");

        assertThat(ExecutableJar.detect(jar.toString())).contains(jar.toAbsolutePath());
    }

    @Test
    void aRelativeJarPathIsMadeAbsolute() throws IOException {
        Path jar = jar("relative.jar", "org.springframework.boot.loader.launch.JarLauncher");
        Path relative = Path.of("").toAbsolutePath().relativize(jar.toAbsolutePath());

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(ExecutableJar.detect(relative.toString())).contains(jar.toAbsolutePath().normalize());
    }

    @Test
    void aPlainJarSeveralEntriesOrAMissingFileAreNotExecutableJars() throws IOException {
        Path plain = jar("plain.jar", "com.example.Main");
        Path noMain = jar("nomain.jar", null);
        Path boot = jar("boot.jar", "org.springframework.boot.loader.launch.JarLauncher");

        assertThat(ExecutableJar.detect(plain.toString())).isEmpty();
        assertThat(ExecutableJar.detect(noMain.toString())).isEmpty();
        assertThat(ExecutableJar.detect(boot + File.pathSeparator + plain)).isEmpty();
        assertThat(ExecutableJar.detect(dir.resolve("missing.jar").toString())).isEmpty();
        assertThat(ExecutableJar.detect(dir.toString())).isEmpty();
        assertThat(ExecutableJar.detect("")).isEmpty();
    }

    @Test
    void workersOfAnExecutableJarStartThroughPropertiesLauncherOnTheAbsoluteJar() throws IOException {
        Path jar = jar("app.jar", "org.springframework.boot.loader.launch.JarLauncher");
        ProcessWorkerLauncher launcher = new ProcessWorkerLauncher(settings(jar.toString()));

        List<String> command = launcher.command(7);

        assertThat(command).endsWith("-Dmp.event-loop.worker.id=7", "-Dloader.main=" + WorkerMain.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher");
        assertThat(command).contains("-Xmx64m");
        assertThat(launcher.classPath()).isEqualTo(jar.toAbsolutePath().toString());
    }

    @Test
    void workersOfAPlainClassPathStartTheWorkerMainDirectly() {
        String classPath = String.join(File.pathSeparator, "a.jar", "b/classes");
        ProcessWorkerLauncher launcher = new ProcessWorkerLauncher(settings(classPath));

        assertThat(launcher.command(1)).endsWith("-Dmp.event-loop.worker.id=1", WorkerMain.class.getName())
                .noneMatch(part -> part.startsWith("-Dloader.main"));
        assertThat(launcher.classPath()).isEqualTo(classPath);
    }

    private static LaunchSettings settings(String classPath) {
        return new LaunchSettings("test", "java", List.of("-Xmx64m"), classPath, WorkerMain.class.getName(),
                Duration.ofSeconds(5), 1 << 20, 0, false);
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest is all the detection reads
        }
        return jar;
    }
}
