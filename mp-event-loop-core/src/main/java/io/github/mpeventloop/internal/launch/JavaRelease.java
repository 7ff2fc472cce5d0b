package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.github.mpeventloop.spi.LaunchSettings;

/**
 * The version of the {@code java} a worker runs, known without starting it: this JVM's own when the
 * worker runs the same {@code java}, else the {@code JAVA_VERSION} line of the {@code release} file
 * that every JDK and JRE image keeps in its home directory, two levels above {@code bin/java}
 * (symbolic links followed). A {@code java} given by a relative name or without a readable
 * {@code release} file has no known version: the caller then uses nothing version-specific.
 */
final class JavaRelease {

    private static final String VERSION_KEY = "JAVA_VERSION=";

    private JavaRelease() {
    }

    /** The version of {@code javaExecutable}, if it can be told. */
    static Optional<Runtime.Version> of(String javaExecutable) {
        if (LaunchSettings.currentJava().equals(javaExecutable)) {
            return Optional.of(Runtime.version());
        }
        try {
            Path java = Path.of(javaExecutable);
            if (!java.isAbsolute()) {
                return Optional.empty();
            }
            Path bin = java.toRealPath().getParent();
            Path home = bin == null ? null : bin.getParent();
            return home == null ? Optional.empty() : fromReleaseFile(home.resolve("release"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The version a {@code release} file names, if it names one. */
    static Optional<Runtime.Version> fromReleaseFile(Path release) throws IOException {
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            if (line.startsWith(VERSION_KEY)) {
                String value = line.substring(VERSION_KEY.length()).replace("\"", "").trim();
                try {
                    return Optional.of(Runtime.Version.parse(value));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
