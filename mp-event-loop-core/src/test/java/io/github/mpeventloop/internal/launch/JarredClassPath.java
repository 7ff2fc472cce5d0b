package io.github.mpeventloop.internal.launch;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path for worker tests that need start-up archives, which only class paths of jars get:
 * this JVM's own, every class directory packed into a jar.
 */
final class JarredClassPath {

    private JarredClassPath() {
    }

    /**
     * This JVM's class path with every directory packed into a jar of its own, kept in
     * {@code target/<name>-class-path}: one directory per test class, so that no test repacks the
     * jars another one's archive was made for.
     */
    static String of(String name) throws IOException {
        Path jars = Files.createDirectories(Path.of("target", name + "-class-path")).toAbsolutePath();
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
