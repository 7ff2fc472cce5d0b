package io.github.mpeventloop.spi;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a worker ended: its exit code (with the signal decoded when the code says it was killed),
 * and the last lines it wrote to its standard output and error.
 *
 * @param exitCode the exit code, or {@code null} when it is unknown (a worker thread)
 * @param description one sentence on how it ended
 * @param lastLines the last lines of output, oldest first
 */
public record ExitReport(@Nullable Integer exitCode, String description, List<String> lastLines) {

    /** Describes an exit code of a worker JVM. */
    public static String describe(int exitCode) {
        if (exitCode == 0) {
            return "exited normally (code 0)";
        }
        if (exitCode == 3) {
            return "exited with code 3: out of memory (-XX:+ExitOnOutOfMemoryError)";
        }
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            return "was killed by signal " + signal + signalName(signal) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode + " (System.exit, Runtime.halt or a fatal error)";
    }

    private static String signalName(int signal) {
        switch (signal) {
            case 6: return " (SIGABRT)";
            case 9: return " (SIGKILL)";
            case 11: return " (SIGSEGV)";
            case 15: return " (SIGTERM)";
            default: return "";
        }
    }

    /** The description followed by the last lines, for an exception message. */
    public String format() {
        if (lastLines.isEmpty()) {
            return description + "; it wrote no output";
        }
        return description + "; its last output:\n  " + String.join("\n  ", lastLines);
    }
}
