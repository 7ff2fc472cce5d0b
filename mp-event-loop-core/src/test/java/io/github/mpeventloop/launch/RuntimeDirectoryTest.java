package io.github.mpeventloop.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
}
