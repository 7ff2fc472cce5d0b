package io.github.mpeventloop.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Recognises a class path that is a Spring Boot executable jar ({@code java -jar app.jar}), from
 * strings and the jar's manifest only: the core does not depend on Spring. Such a jar keeps its
 * classes in {@code BOOT-INF/}, which a plain {@code -cp app.jar} cannot see, so a worker is
 * started on the same jar through Boot's {@value #PROPERTIES_LAUNCHER}, which is told the worker's
 * main class in the system property {@value #LOADER_MAIN_PROPERTY}.
 */
public final class ExecutableJar {

    /** The launcher in every Boot executable jar that runs a main class named by a system property. */
    public static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** The system property {@link #PROPERTIES_LAUNCHER} reads the main class from. */
    public static final String LOADER_MAIN_PROPERTY = "loader.main";

    private static final String LOADER_PACKAGE = "org.springframework.boot.loader.";

    private ExecutableJar() {
    }

    /**
     * The absolute path of the Spring Boot executable jar that {@code classPath} consists of, if it
     * is one: a single existing {@code .jar} entry whose manifest {@code Main-Class} is one of
     * Boot's launchers. A relative entry is resolved against this JVM's working directory.
     */
    public static Optional<Path> detect(String classPath) {
        String entry = classPath.trim();
        if (entry.isEmpty() || entry.contains(File.pathSeparator) || !entry.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(entry).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return mainClass != null && mainClass.trim().startsWith(LOADER_PACKAGE) ? Optional.of(jar) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
