package io.github.mpeventloop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Summarises async-profiler's collapsed stacks (recorded with its {@code threads} option, so that
 * each stack starts with its thread) per thread: how many samples, how many of them idle (parked,
 * waiting, or blocked in a socket read or {@code epoll}), and, among the busy ones, the innermost
 * Java frames and the innermost frames of this project's code that hold the most samples.
 * Hand-written because async-profiler's jar carries no converter for its text output.
 *
 * <pre>java -cp benchmarks.jar io.github.mpeventloop.benchmarks.ProfileSummary FILE.collapsed...</pre>
 */
public final class ProfileSummary {

    private static final Pattern JAVA_FRAME = Pattern.compile("[A-Za-z_$][\\w$]*(/[\\w$]+)+\\.[\\w$<>]+(_\\[.])?");
    private static final List<String> IDLE = List.of("Unsafe.park", "waitForProcessExit0", "ProcessImpl.waitFor", "Object.wait", "Thread.sleep", "EPoll.wait",
            "epoll_wait", "SocketDispatcher.read0", "FileDispatcherImpl.read0", "Net.accept", "ServerSocketChannelImpl.accept",
            "FileInputStream.readBytes", "Net.poll", "pthread_cond_wait", "pthread_cond_timedwait", "__futex",
            "futex_wait", "WatcherThread::sleep", "ConcurrentGCThread", "NMethodSweeper", "Monitor::wait");
    private static final String PROJECT = "io/github/mpeventloop/";
    private static final int TOP = 8;

    private ProfileSummary() {
    }

    /** Samples of one thread. */
    private static final class ThreadSamples {
        long total;
        long idle;
        final Map<String, Long> selfFrames = new HashMap<>();
        final Map<String, Long> projectFrames = new HashMap<>();
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            Map<String, ThreadSamples> threads = new LinkedHashMap<>();
            long all = 0;
            for (String line : Files.readAllLines(Path.of(file))) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1).trim());
                String[] frames = line.substring(0, space).split(";");
                String thread = frames[0].startsWith("[") ? frames[0].replaceAll(" tid=\\d+", "") : "[?]";
                ThreadSamples samples = threads.computeIfAbsent(thread, t -> new ThreadSamples());
                samples.total += count;
                all += count;
                if (isIdle(frames)) {
                    samples.idle += count;
                    continue;
                }
                samples.selfFrames.merge(innermost(frames, null), count, Long::sum);
                samples.projectFrames.merge(innermost(frames, PROJECT), count, Long::sum);
            }
            print(file, all, threads);
        }
    }

    private static boolean isIdle(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (String idle : IDLE) {
                if (frames[i].contains(idle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String innermost(String[] frames, String prefix) {
        for (int i = frames.length - 1; i >= 1; i--) {
            String frame = frames[i].replaceAll("_\\[.]$", "");
            if (JAVA_FRAME.matcher(frame).matches() && (prefix == null || frame.startsWith(prefix))) {
                return frame;
            }
        }
        return prefix == null ? "(native: " + frames[frames.length - 1] + ")" : "(outside " + prefix + ")";
    }

    private static void print(String file, long all, Map<String, ThreadSamples> threads) {
        System.out.printf(Locale.ROOT, "== %s: %,d samples%n", file, all);
        threads.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().total - b.getValue().idle, a.getValue().total - a.getValue().idle))
                .forEach(entry -> {
                    ThreadSamples samples = entry.getValue();
                    long busy = samples.total - samples.idle;
                    if (busy == 0) {
                        return;
                    }
                    System.out.printf(Locale.ROOT, "%s: %,d samples, busy %,d (%.1f %% of its samples)%n", entry.getKey(),
                            samples.total, busy, 100.0 * busy / samples.total);
                    top("  innermost Java frame", samples.selfFrames, busy);
                    top("  innermost project frame", samples.projectFrames, busy);
                });
    }

    private static void top(String title, Map<String, Long> frames, long busy) {
        System.out.println(title + ":");
        frames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / busy, e.getKey()));
    }
}
