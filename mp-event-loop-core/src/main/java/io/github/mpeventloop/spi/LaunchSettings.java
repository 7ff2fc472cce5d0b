package io.github.mpeventloop.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the workers of one loop are started, as its builder configured them. Launchers that do not
 * start JVMs of their own use only the loop's name and the start timeout.
 *
 * @param loopName the loop's name, used in thread names and logs
 * @param javaExecutable the {@code java} to run for a worker JVM
 * @param jvmOptions options for worker JVMs, before the main class
 * @param classPath the worker JVM's class path
 * @param mainClass the worker's main class
 * @param startTimeout how long a worker may take to connect and complete its handshake
 * @param maxFrameBytes the frame limit
 * @param recycleAboveHeapBytes heap after a collection above which a worker asks to be replaced, 0 for never
 * @param classDataSharing whether workers start from a class-data sharing archive where one can work
 */
public record LaunchSettings(String loopName, String javaExecutable, List<String> jvmOptions, String classPath,
        String mainClass, Duration startTimeout, int maxFrameBytes, long recycleAboveHeapBytes,
        boolean classDataSharing) {

    /** Copies the options. */
    public LaunchSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The running JVM's {@code java}, which workers use unless told otherwise. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
