package io.github.mpeventloop.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The start-up archive of worker JVMs: the one measured way to start a Jackson-ready worker in a
 * fraction of the time and with less memory. One archive per {@code java} (path and version), JVM
 * options and class path, the size and modification time of every jar included, kept in the
 * temporary directory under a name made from a hash of all that: an archive never meets a class
 * path, a rebuilt jar or options it was not made for, and a changed one gets a fresh archive.
 * Which archive depends on the worker's Java ({@link Kind}): on JDK 25 and later the AOT cache,
 * on 19 to 24 a dynamic archive the JVM keeps itself, on 17 and 18 a dynamic archive recorded at
 * a worker's exit. The AOT cache and the JDK 17 archive are recorded by one worker at a time, into
 * a file of its own that is moved into place when it exits, so two loops, in one JVM or in two,
 * never read a half-written archive; later workers start from it. Only for class paths made of
 * jar files: classes in directories cannot be archived.
 *
 * <p>On JDK 25 the AOT cache is recorded without method profiles (JEP 515,
 * {@code -XX:-AOTRecordTraining}): with them, every worker started from the cache compiled, from its
 * first instant, the methods that had been hot in the recording worker's life, and on two cores
 * that compiling took the processor time the worker needed to reach its first result (about a
 * quarter of it; see {@code docs/performance.md}). The flag is a diagnostic one, which a later
 * release may drop or rename, and a JVM given an unknown flag does not start: it is passed only to
 * the release it was measured on.
 */
final class ClassDataArchive {

    private static final Map<Path, AtomicBoolean> RECORDING = new ConcurrentHashMap<>();

    /** How a worker of one Java feature release starts from an archive. */
    enum Kind {
        /** No archive: an unknown Java, or one older than 17. */
        NONE("", List.of()),
        /** JDK 17, 18: recorded at a worker's exit ({@code -XX:ArchiveClassesAtExit}), then used. */
        RECORDED_AT_EXIT(".jsa", List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")),
        /** JDK 19 to 24: the JVM records and refreshes the archive itself ({@code -XX:+AutoCreateSharedArchive}). */
        AUTO_CREATED(".jsa", List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")),
        /**
         * JDK 25 and later: the AOT cache (JEP 483: classes loaded and linked, with JEP 515 method
         * profiles), trained in one step at a worker's exit ({@code -XX:AOTCacheOutput}, JEP 514),
         * then used ({@code -XX:AOTCache}).
         */
        AOT_CACHE(".aot", List.of("-Xlog:aot=off", "-Xlog:cds=off"));

        private final String suffix;
        private final List<String> quiet;

        Kind(String suffix, List<String> quiet) {
            this.suffix = suffix;
            this.quiet = quiet;
        }

        /** The archive a worker running Java {@code feature} uses. */
        static Kind forFeature(int feature) {
            if (feature >= 25) {
                return AOT_CACHE;
            }
            if (feature >= 19) {
                return AUTO_CREATED;
            }
            return feature >= 17 ? RECORDED_AT_EXIT : NONE;
        }

        private List<String> use(Path archive) {
            return concat(this == AOT_CACHE ? List.of("-XX:AOTCache=" + archive)
                    : List.of("-XX:SharedArchiveFile=" + archive), quiet);
        }

        private List<String> record(Path archive) {
            return concat(this == AOT_CACHE ? List.of("-XX:AOTCacheOutput=" + archive)
                    : List.of("-XX:ArchiveClassesAtExit=" + archive), quiet);
        }

        /** Options of a recording by Java {@code feature} beyond the archive's own (see the class comment). */
        List<String> recordingTuning(int feature) {
            return this == AOT_CACHE && feature == 25
                    ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining")
                    : List.of();
        }
    }

    /**
     * JVM options for one worker start; whether that worker, having ended its work, is writing the
     * archive it records at its exit (its files exist while it does; the JDK 25 AOT cache takes
     * seconds); what to do once its process exists, which returns the future of the archive put in
     * place after the worker's exit.
     */
    record Plan(List<String> options, BooleanSupplier writing, Function<Process, CompletableFuture<?>> started) {
        static final Plan NONE = new Plan(List.of());

        Plan(List<String> options) {
            this(options, () -> false, process -> CompletableFuture.completedFuture(null));
        }
    }

    private final Kind kind;
    private final @Nullable Path archive;
    private final List<String> recordingTuning;

    ClassDataArchive(Kind kind, @Nullable Path archive) {
        this(kind, archive, List.of());
    }

    /** An archive whose recording worker gets {@code recordingTuning} before the archive's own options. */
    ClassDataArchive(Kind kind, @Nullable Path archive, List<String> recordingTuning) {
        this.kind = archive == null ? Kind.NONE : kind;
        this.archive = archive;
        this.recordingTuning = List.copyOf(recordingTuning);
    }

    /**
     * The archive for workers started with {@code java}, {@code jvmOptions} and {@code classPath},
     * kept in the temporary directory; none when it cannot work.
     */
    static ClassDataArchive forWorkers(String java, List<String> jvmOptions, String classPath, boolean enabled) {
        return forWorkers(java, jvmOptions, classPath, enabled,
                Paths.get(System.getProperty("java.io.tmpdir"), "mp-event-loop-cds"));
    }

    /** As {@link #forWorkers(String, List, String, boolean)}, the archive kept in {@code directory}. */
    static ClassDataArchive forWorkers(String java, List<String> jvmOptions, String classPath, boolean enabled,
            Path directory) {
        if (!enabled || classPath.isEmpty() || jvmOptions.stream().anyMatch(ClassDataArchive::isNativeAgent)) {
            return new ClassDataArchive(Kind.NONE, null);
        }
        Optional<Runtime.Version> version = JavaRelease.of(java);
        Kind kind = version.map(v -> Kind.forFeature(v.feature())).orElse(Kind.NONE);
        if (kind == Kind.NONE) {
            return new ClassDataArchive(Kind.NONE, null);
        }
        List<String> tuning = kind.recordingTuning(version.get().feature());
        List<String> key = new ArrayList<>(List.of(java, version.get().toString()));
        key.addAll(tuning);
        key.addAll(jvmOptions);
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Paths.get(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return new ClassDataArchive(Kind.NONE, null);
            }
            try {
                key.add(entry + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return new ClassDataArchive(Kind.NONE, null);
            }
        }
        return new ClassDataArchive(kind, directory.resolve(hash(String.join("\n", key)) + kind.suffix), tuning);
    }

    /**
     * Whether a JVM option loads a native JVMTI agent (a profiler, a debugger's library): the JVM
     * refuses to write an archive with one loaded and exits, so such workers start without one.
     */
    private static boolean isNativeAgent(String option) {
        return option.startsWith("-agentpath:") || option.startsWith("-agentlib:");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Kind kind() {
        return kind;
    }

    /** Where the archive is kept, or {@code null} when there is none. */
    @Nullable Path file() {
        return archive;
    }

    /**
     * The archive options of the start of worker {@code workerId}: use the archive when it exists,
     * else record it when no other worker of this JVM is recording it, else none.
     */
    Plan plan(int workerId) {
        Path file = archive;
        if (file == null) {
            return Plan.NONE;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return Plan.NONE;
        }
        if (kind == Kind.AUTO_CREATED) {
            return new Plan(concat(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file), kind.quiet));
        }
        if (Files.isRegularFile(file)) {
            return new Plan(kind.use(file));
        }
        AtomicBoolean recording = RECORDING.computeIfAbsent(file, key -> new AtomicBoolean());
        if (!recording.compareAndSet(false, true)) {
            return Plan.NONE;
        }
        String name = file.getFileName().toString();
        Path partial = file.resolveSibling(name.substring(0, name.length() - kind.suffix.length()) + "-"
                + ProcessHandle.current().pid() + "-" + workerId + ".partial" + kind.suffix);
        Path configuration = partial.resolveSibling(partial.getFileName() + ".config");
        deleteQuietly(partial);
        deleteQuietly(configuration);
        BooleanSupplier writing = () -> Files.exists(partial) || Files.exists(configuration);
        List<String> options = concat(recordingTuning, kind.record(partial));
        return new Plan(options, writing, process -> process.onExit().thenAccept(ended -> {
            try {
                if (ended.exitValue() == 0 && Files.isRegularFile(partial)) {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // another parent's worker won the race; its archive serves as well
            } finally {
                deleteQuietly(partial);
                deleteQuietly(configuration);
                recording.set(false);
            }
        }));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover of a failed recording costs disk space only
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
