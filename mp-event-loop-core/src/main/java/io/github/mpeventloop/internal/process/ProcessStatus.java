package io.github.mpeventloop.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@code ProcessHandle.isAlive()} is true for a zombie, a process
 * that has ended and waits for its parent to collect it; on Linux the state letter in
 * {@code /proc/<pid>/stat} tells the two apart. Where there is no {@code /proc}, the handle's word
 * is taken.
 */
public final class ProcessStatus {

    private ProcessStatus() {
    }

    /** True when the process exists and is not a zombie. */
    public static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc"))
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** True when the process no longer runs: gone, or a zombie. */
    public static boolean isDead(long pid) {
        return !isRunning(pid);
    }
}
