package io.github.mpeventloop.internal.launch;

import io.github.mpeventloop.spi.LaunchSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user cannot reach a worker's socket: from a second, unprivileged uid (65534, via
 * {@code setpriv}), connecting to a socket in the worker directory is refused by the directory's
 * mode, while the same probe run as this user connects. Needs root and {@code setpriv}; skipped,
 * with that reason, elsewhere.
 */
class IntrusionTest {

    private static final String PROBE = String.join("\n",
            "import java.net.*; import java.nio.channels.*;",
            "public class Probe { public static void main(String[] a) throws Exception {",
            "  try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {",
            "    c.connect(UnixDomainSocketAddress.of(a[0])); System.out.println(\"CONNECTED\"); }",
            "  catch (Exception e) { System.out.println(\"REFUSED \" + e.getMessage()); } } }");

    @TempDir
    Path scratch;

    @Test
    void anotherUserCannotConnectToAWorkerSocket() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv to run a probe as another uid");
        assumeTrue("0".equals(run(List.of("id", "-u")).trim()), "needs root to switch to uid 65534");

        Path probeDir = Files.createTempDirectory(Path.of("/tmp"), "mp-event-loop-probe-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path probe = Files.writeString(probeDir.resolve("Probe.java"), PROBE);
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r--r--"));
        RuntimeDirectory directory = new RuntimeDirectory();
        Path socket = directory.path().resolve("w1.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            String java = LaunchSettings.currentJava();

            String asOwner = run(List.of(java, probe.toString(), socket.toString()));
            String asIntruder = run(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    java, probe.toString(), socket.toString()));

            assertThat(asOwner).as("the probe as the socket's owner").contains("CONNECTED");
            assertThat(asIntruder).as("the probe as uid 65534").contains("REFUSED").contains("Permission denied");
        } finally {
            directory.close();
            Files.deleteIfExists(probe);
            Files.deleteIfExists(probeDir);
        }
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .directory(scratch.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output;
    }
}
