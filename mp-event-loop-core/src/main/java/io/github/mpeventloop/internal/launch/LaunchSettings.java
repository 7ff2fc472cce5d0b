package io.github.mpeventloop.internal.launch;

import java.time.Duration;
import java.util.List;

/**
 * How workers of one loop are started.
 *
 * @param loopName the loop's name, used in thread names and logs
 * @param javaExecutable the {@code java} to run for a worker JVM
 * @param jvmOptions options for worker JVMs, before the main class
 * @param classPath the worker JVM's class path (passed in the {@code CLASSPATH} environment variable)
 * @param mainClass the worker's main class
 * @param startTimeout how long a worker may take to connect and say hello
 * @param maxFrameBytes the frame limit
 * @param recycleAboveHeapBytes heap after a collection above which a worker asks to be replaced, 0 for never
 * @param classDataSharing whether workers start from a class-data sharing archive where one can work
 */
public record LaunchSettings(String loopName, String javaExecutable, List<String> jvmOptions, String classPath,
        String mainClass, Duration startTimeout, int maxFrameBytes, long recycleAboveHeapBytes,
        boolean classDataSharing) {

    public LaunchSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** What the parent tells worker {@code workerId} in its welcome. */
    public io.github.mpeventloop.internal.wire.Handshake.Welcome welcome(int workerId) {
        return new io.github.mpeventloop.internal.wire.Handshake.Welcome(workerId, maxFrameBytes, recycleAboveHeapBytes);
    }

    /** The running JVM's {@code java}, which workers use unless told otherwise. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
