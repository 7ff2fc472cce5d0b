package io.github.mpeventloop.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the child JVMs of the references and peers the way the loop starts its workers: this
 * JVM's {@code java} on this JVM's class path (handed over in {@code CLASSPATH}), the worker
 * options of the run, standard error passed through.
 */
public final class ChildJvm {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code arguments}; its standard output is a pipe to this JVM when asked. */
    public static Process start(List<String> jvmOptions, Class<?> mainClass, boolean keepOutput, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!keepOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        builder.environment().put("CLASSPATH", CLASS_PATH);
        return builder.start();
    }

    /**
     * Milliseconds from launching a JVM that runs {@link EmptyMain}, with {@code jvmOptions} and this
     * JVM's class path, to its exit.
     */
    public static double emptyRunMillis(List<String> jvmOptions) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = start(jvmOptions, EmptyMain.class, false);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("an empty JVM did not exit within a minute");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Closes the child's standard input, waits up to 10 s for it to end, then kills it. */
    public static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** What a worker JVM's command line says of the start-up archive. */
    public enum Archive {
        /** It starts from one: {@code -XX:AOTCache}, or {@code -XX:SharedArchiveFile} without recording. */
        USED,
        /** It records one at its exit: {@code -XX:AOTCacheOutput} or {@code -XX:ArchiveClassesAtExit}. */
        RECORDING,
        /** Neither, or the command line cannot be read (not Linux, another host). */
        NONE
    }

    /** What the command line of process {@code pid} says of the start-up archive. */
    public static Archive archive(long pid) {
        List<String> arguments;
        try {
            arguments = List.of(new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return Archive.NONE;
        }
        if (arguments.stream().anyMatch(a -> a.startsWith("-XX:AOTCacheOutput=") || a.startsWith("-XX:ArchiveClassesAtExit="))) {
            return Archive.RECORDING;
        }
        if (arguments.stream().anyMatch(a -> a.startsWith("-XX:AOTCache=") || a.startsWith("-XX:SharedArchiveFile="))) {
            return Archive.USED;
        }
        return Archive.NONE;
    }

    /** Resident set size of a process in MiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
    public static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /**
     * Waits until the JIT compilers of this JVM and of the child JVMs {@code childPids} used no CPU
     * for three polls of 100 ms in a row, at most 10 s. A burst of warm-up events leaves C2 a queue of
     * methods to compile that it would otherwise work through while CPU-bound work is timed, on the
     * cores that work needs (up to 0.3 s of CPU per worker in a probe); a running application has long
     * compiled them.
     */
    public static void awaitCompilersIdle(List<Long> childPids) throws InterruptedException {
        List<Long> pids = new ArrayList<>(childPids);
        pids.add(ProcessHandle.current().pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long ticks = pids.stream().mapToLong(ChildJvm::compilerTicks).sum();
            quiet = ticks == last ? quiet + 1 : 0;
            last = ticks;
        }
    }

    /**
     * CPU ticks the JIT compiler threads of process {@code pid} used so far ({@code utime + stime}
     * of each {@code /proc/<pid>/task/<tid>/stat} whose thread is a C1 or C2 compiler thread); 0 when
     * it cannot be read.
     */
    public static long compilerTicks(long pid) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        } catch (IOException | RuntimeException e) {
            return ticks;
        }
        return ticks;
    }
}
