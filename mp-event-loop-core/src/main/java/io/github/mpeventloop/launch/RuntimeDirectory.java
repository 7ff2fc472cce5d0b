package io.github.mpeventloop.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A fresh directory only this user can enter ({@code 0700}), holding the workers' sockets while
 * they connect. The socket files' own modes are not relied upon. Unix socket paths are short by
 * law (about 100 bytes), so a long temporary directory falls back to {@code /tmp}.
 */
final class RuntimeDirectory implements AutoCloseable {

    private static final int MAX_BASE_LENGTH = 60;

    private final Path path;

    RuntimeDirectory() {
        Path base = Paths.get(System.getProperty("java.io.tmpdir"));
        if (base.toAbsolutePath().toString().length() > MAX_BASE_LENGTH) {
            base = Paths.get("/tmp");
        }
        try {
            path = Files.createTempDirectory(base, "mpel-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private directory for worker sockets in " + base, e);
        }
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
