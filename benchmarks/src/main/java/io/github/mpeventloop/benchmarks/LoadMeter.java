package io.github.mpeventloop.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was with work that is not this run's: {@code /proc/stat} busy time minus
 * the CPU time of this JVM and its children (ended children through {@code cutime/cstime} of
 * {@code /proc/self/stat}, live ones through their own {@code /proc/<pid>/stat}) over an
 * interval, as a share of all CPUs; and the load average at both ends.
 */
public final class LoadMeter {

    /** The counters at one moment, in clock ticks. */
    public record Snapshot(long total, long busy, long steal, long own, String loadAverage) {
    }

    private LoadMeter() {
    }

    public static Snapshot take() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]);
            long nice = Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]);
            long idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]);
            long irq = Long.parseLong(cpu[6]);
            long softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            long busy = user + nice + system + irq + softirq;
            long total = busy + idle + iowait + steal;
            long own = ownCpuTicks();
            String loadAverage = Files.readString(Path.of("/proc/loadavg")).trim();
            return new Snapshot(total, busy, steal, own, loadAverage.substring(0, nthSpace(loadAverage, 3)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clock ticks per second of {@code /proc}'s CPU times (Linux's USER_HZ, 100 on every common build). */
    public static final int TICKS_PER_SECOND = 100;

    /** CPU ticks used so far by this JVM, its reaped children and its live descendants. */
    public static long ownCpuTicks() {
        long own = cpuTicks(ProcessHandle.current().pid(), true);
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            own += cpuTicks(child.pid(), false);
        }
        return own;
    }

    /** Share of all CPUs that others used between {@code from} and {@code to}. */
    public static double foreignShare(Snapshot from, Snapshot to) {
        long total = to.total() - from.total();
        return total <= 0 ? 0 : Math.max(0, (to.busy() - from.busy()) - (to.own() - from.own())) / (double) total;
    }

    /** One line: foreign CPU, this run's CPU, steal and the load averages. */
    public static String describe(Snapshot from, Snapshot to) {
        long total = Math.max(1, to.total() - from.total());
        return String.format(Locale.ROOT, "foreign CPU %.0f %% of all cores, this run %.0f %%, steal %.0f %%;"
                + " load average %s → %s", 100 * foreignShare(from, to), 100.0 * (to.own() - from.own()) / total,
                100.0 * (to.steal() - from.steal()) / total, from.loadAverage(), to.loadAverage());
    }

    /** utime + stime (+ cutime + cstime of reaped children when asked) of a process; 0 if it is gone. */
    private static long cpuTicks(long pid, boolean withReapedChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (IOException e) {
            return 0;
        }
        // fields after the command name, which is in parentheses and may hold spaces: field 3 is index 0
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    private static int nthSpace(String text, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf(' ', index + 1);
            if (index < 0) {
                return text.length();
            }
        }
        return index;
    }
}
