package io.github.mpeventloop.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import io.github.mpeventloop.spi.LaunchSettings;

/**
 * A class-data sharing archive for worker JVMs, the one measured way to start a Jackson-ready
 * worker in about half the time and with less memory. One archive per JDK and class path, kept in
 * the temporary directory under a name made from a hash of both, so an archive never meets a class
 * path it was not made for. On JDK 19 and later the JVM creates and refreshes it itself
 * ({@code -XX:+AutoCreateSharedArchive}); on JDK 17 and 18 one worker at a time records it when it
 * exits ({@code -XX:ArchiveClassesAtExit}), into a file of its own that is moved into place
 * afterwards, and later workers start from it. Only for class paths made of jar files: classes in
 * directories cannot be archived.
 */
final class ClassDataArchive {

    private static final Map<Path, AtomicBoolean> RECORDING = new ConcurrentHashMap<>();

    /** JVM options for one worker start, and what to do once its process exists. */
    record Plan(List<String> options, Consumer<Process> started) {
        static final Plan NONE = new Plan(List.of(), process -> { });
    }

    private final @Nullable Path archive;

    private ClassDataArchive(@Nullable Path archive) {
        this.archive = archive;
    }

    /** The archive for workers started with {@code java} and {@code classPath}; none when it cannot work. */
    static ClassDataArchive forWorkers(String java, String classPath, boolean enabled) {
        if (!enabled || !LaunchSettings.currentJava().equals(java) || classPath.isEmpty()) {
            return new ClassDataArchive(null);
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Paths.get(entry))) {
                return new ClassDataArchive(null);
            }
        }
        Path directory = Paths.get(System.getProperty("java.io.tmpdir"), "mp-event-loop-cds");
        return new ClassDataArchive(directory.resolve(hash(Runtime.version() + "\n" + java + "\n" + classPath) + ".jsa"));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Plan plan(int workerId) {
        Path file = archive;
        if (file == null) {
            return Plan.NONE;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return Plan.NONE;
        }
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        if (Runtime.version().feature() >= 19) {
            return new Plan(concat(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file), quiet),
                    Plan.NONE.started());
        }
        if (Files.isRegularFile(file)) {
            return new Plan(concat(List.of("-XX:SharedArchiveFile=" + file), quiet), Plan.NONE.started());
        }
        AtomicBoolean recording = RECORDING.computeIfAbsent(file, key -> new AtomicBoolean());
        if (!recording.compareAndSet(false, true)) {
            return Plan.NONE;
        }
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + workerId);
        return new Plan(concat(List.of("-XX:ArchiveClassesAtExit=" + partial), quiet),
                process -> process.onExit().thenRun(() -> {
                    try {
                        if (Files.isRegularFile(partial)) {
                            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } catch (IOException e) {
                        // another parent's worker won the race; its archive serves as well
                    } finally {
                        recording.set(false);
                    }
                }));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
