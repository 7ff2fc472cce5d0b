package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

/** Worker sockets live in a directory only this user can enter, removed on close. */
class RuntimeDirectoryTest {

    @Test
    void theDirectoryIsPrivateAndGoneAfterClose() throws Exception {
        RuntimeDirectory directory = new RuntimeDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path()))).isEqualTo("rwx------");
        Files.createFile(directory.path().resolve("w1.sock"));
        directory.close();
        assertThat(directory.path()).doesNotExist();
    }

    @Test
    void aDirectoryLeftByADeadParentIsRemovedByTheNextOne() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path stale = Files.createDirectory(tmp.resolve("mpel-" + gone.pid() + "-123"));
        Files.createFile(stale.resolve("w1.sock"));
        Path living = Files.createDirectory(tmp.resolve(RuntimeDirectory.prefixOfThisProcess() + "kept"));
        try {
            RuntimeDirectory directory = new RuntimeDirectory();
            directory.close();
            assertThat(stale).doesNotExist();
            assertThat(living).exists();
        } finally {
            Files.deleteIfExists(living);
        }
    }
}
