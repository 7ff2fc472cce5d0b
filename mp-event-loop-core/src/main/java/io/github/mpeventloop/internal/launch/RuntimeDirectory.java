package io.github.mpeventloop.internal.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import io.github.mpeventloop.internal.process.ProcessStatus;

/**
 * A fresh directory only this user can enter ({@code 0700}), holding the workers' sockets while
 * they connect. The socket files' own modes are not relied upon. Unix socket paths are short by
 * law (about 100 bytes), so a long temporary directory falls back to {@code /tmp}. Its name holds the
 * parent's pid, so that directories left by a parent killed without a chance to clean up are
 * removed by the next parent that starts.
 */
final class RuntimeDirectory implements AutoCloseable {

    private static final int MAX_BASE_LENGTH = 60;
    private static final String PREFIX = "mpel-";

    private final Path path;

    RuntimeDirectory() {
        Path base = Paths.get(System.getProperty("java.io.tmpdir"));
        if (base.toAbsolutePath().toString().length() > MAX_BASE_LENGTH) {
            base = Paths.get("/tmp");
        }
        removeStale(base);
        try {
            path = Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory for worker sockets in " + base, e);
        }
    }

    /** The name every directory of this JVM starts with. */
    static String prefixOfThisProcess() {
        return PREFIX + ProcessHandle.current().pid() + "-";
    }

    /** Removes directories left by parents that died without closing their loops (kill -9). */
    private static void removeStale(Path base) {
        try (Stream<Path> entries = Files.list(base)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(PREFIX)) {
                    continue;
                }
                String[] parts = name.split("-");
                if (parts.length >= 3 && isDeadProcess(parts[1]) && Files.isWritable(entry)) {
                    new RuntimeDirectory(entry).close();
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: stale directories cost a few bytes
        }
    }

    private static boolean isDeadProcess(String pid) {
        try {
            return ProcessStatus.isDead(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private RuntimeDirectory(Path existing) {
        this.path = existing;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a stale directory is only a few bytes in the temporary directory
        }
    }
}
