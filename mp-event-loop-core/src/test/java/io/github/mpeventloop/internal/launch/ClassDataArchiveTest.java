package io.github.mpeventloop.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mpeventloop.internal.launch.ClassDataArchive.Kind;
import io.github.mpeventloop.spi.LaunchSettings;

/** Which start-up archive a worker gets, and when it records it or starts from it. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveFollowsTheWorkersJavaRelease() {
        assertThat(Kind.forFeature(11)).isEqualTo(Kind.NONE);
        assertThat(Kind.forFeature(17)).isEqualTo(Kind.RECORDED_AT_EXIT);
        assertThat(Kind.forFeature(18)).isEqualTo(Kind.RECORDED_AT_EXIT);
        assertThat(Kind.forFeature(19)).isEqualTo(Kind.AUTO_CREATED);
        assertThat(Kind.forFeature(24)).isEqualTo(Kind.AUTO_CREATED);
        assertThat(Kind.forFeature(25)).isEqualTo(Kind.AOT_CACHE);
        assertThat(Kind.forFeature(26)).isEqualTo(Kind.AOT_CACHE);
    }

    @Test
    void theAotCacheIsRecordedByOneWorkerAtATimeIntoItsOwnFileThenUsedOnceInPlace() throws IOException {
        Path cache = dir.resolve("cache.aot");
        ClassDataArchive archive = new ClassDataArchive(Kind.AOT_CACHE, cache);

        ClassDataArchive.Plan recording = archive.plan(1);
        ClassDataArchive.Plan meanwhile = archive.plan(2);

        String output = option(recording.options(), "-XX:AOTCacheOutput=");
        assertThat(Path.of(output)).isNotEqualTo(cache);
        assertThat(Path.of(output).getParent()).isEqualTo(dir);
        assertThat(output).endsWith(".aot");
        assertThat(recording.options()).contains("-Xlog:aot=off");
        assertThat(meanwhile.options()).as("a second worker does not record the same cache").isEmpty();

        Files.writeString(cache, "a cache");
        assertThat(archive.plan(3).options()).contains("-XX:AOTCache=" + cache)
                .noneMatch(option -> option.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void theRecordedFileIsMovedIntoPlaceWhenTheRecordingWorkerExits() throws Exception {
        Path cache = dir.resolve("moved.aot");
        ClassDataArchive archive = new ClassDataArchive(Kind.AOT_CACHE, cache);
        ClassDataArchive.Plan recording = archive.plan(1);
        Path partial = Path.of(option(recording.options(), "-XX:AOTCacheOutput="));

        Files.writeString(partial, "recorded");
        recording.started().apply(shortLivedProcess()).join();

        assertThat(cache).hasContent("recorded");
        assertThat(partial).doesNotExist();
        assertThat(archive.plan(2).options()).contains("-XX:AOTCache=" + cache);
    }

    @Test
    void aWorkerThatExitsWithoutRecordingLeavesNoArchiveAndTheNextOneRecords() throws Exception {
        Path cache = dir.resolve("failed.aot");
        ClassDataArchive archive = new ClassDataArchive(Kind.AOT_CACHE, cache);

        archive.plan(1).started().apply(shortLivedProcess()).join();

        assertThat(archive.plan(2).options()).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        assertThat(cache).doesNotExist();
    }

    @Test
    void onJdk25TheAotCacheIsRecordedWithoutMethodProfilesAndUsedWithoutFurtherOptions() throws IOException {
        Path jar = jar("a.jar");
        ClassDataArchive archive = ClassDataArchive.forWorkers(fakeJava("jdk25", "25.0.3").toString(), List.of(),
                jar.toString(), true, dir);

        List<String> recording = archive.plan(1).options();
        assertThat(recording).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining")
                .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        Files.writeString(archive.file(), "a cache");
        assertThat(archive.plan(2).options()).contains("-XX:AOTCache=" + archive.file())
                .doesNotContain("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");
    }

    @Test
    void theDiagnosticFlagOfTheRecordingGoesOnlyToTheReleaseItWasMeasuredOn() throws IOException {
        assertThat(Kind.AOT_CACHE.recordingTuning(25)).contains("-XX:-AOTRecordTraining");
        assertThat(Kind.AOT_CACHE.recordingTuning(26)).isEmpty();
        assertThat(Kind.RECORDED_AT_EXIT.recordingTuning(17)).isEmpty();
        assertThat(Kind.AUTO_CREATED.recordingTuning(21)).isEmpty();

        ClassDataArchive later = ClassDataArchive.forWorkers(fakeJava("jdk26", "26.0.1").toString(), List.of(),
                jar("a.jar").toString(), true, dir);
        assertThat(later.plan(1).options()).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="))
                .doesNotContain("-XX:-AOTRecordTraining");
    }

    @Test
    void onJdk17TheArchiveIsRecordedAtExitThenShared() throws IOException {
        Path archiveFile = dir.resolve("classes.jsa");
        ClassDataArchive archive = new ClassDataArchive(Kind.RECORDED_AT_EXIT, archiveFile);

        String output = option(archive.plan(1).options(), "-XX:ArchiveClassesAtExit=");
        assertThat(Path.of(output)).isNotEqualTo(archiveFile);
        assertThat(Path.of(output).getParent()).isEqualTo(dir);

        Files.writeString(archiveFile, "an archive");
        assertThat(archive.plan(2).options()).contains("-XX:SharedArchiveFile=" + archiveFile, "-Xlog:cds=off");
    }

    @Test
    void fromJdk19To24TheJvmKeepsTheArchiveItself() {
        Path archiveFile = dir.resolve("auto.jsa");
        ClassDataArchive archive = new ClassDataArchive(Kind.AUTO_CREATED, archiveFile);

        assertThat(archive.plan(1).options()).contains("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archiveFile);
        assertThat(archive.plan(2).options()).contains("-XX:+AutoCreateSharedArchive");
    }

    @Test
    void aClassPathWithADirectoryOrAMissingJarOrSharingTurnedOffGetsNoArchive() throws IOException {
        Path jar = jar("a.jar");
        String java = LaunchSettings.currentJava();

        assertThat(ClassDataArchive.forWorkers(java, List.of(), jar + File.pathSeparator + dir, true, dir).kind())
                .isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of(), dir.resolve("missing.jar").toString(), true, dir)
                .kind()).isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of(), jar.toString(), false, dir).kind())
                .isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of(), "", true, dir).kind()).isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of(), jar.toString(), true, dir).kind())
                .isEqualTo(Kind.forFeature(Runtime.version().feature()));
    }

    @Test
    void aWorkerWithANativeAgentGetsNoArchiveBecauseTheJvmWouldRefuseToWriteIt() throws IOException {
        Path jar = jar("a.jar");
        String java = LaunchSettings.currentJava();
        assertThat(ClassDataArchive.forWorkers(java, List.of("-agentpath:/opt/profiler.so=start"), jar.toString(),
                true, dir).kind()).isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of("-agentlib:jdwp=transport=dt_socket"), jar.toString(),
                true, dir).kind()).isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java, List.of("-Xmx64m"), jar.toString(), true, dir).kind())
                .isNotEqualTo(Kind.NONE);
    }

    @Test
    void aJavaWhoseVersionCannotBeToldGetsNoArchive() throws IOException {
        Path jar = jar("a.jar");
        Path home = Files.createDirectories(dir.resolve("jdk/bin"));
        Path java = Files.writeString(home.resolve("java"), "");

        assertThat(ClassDataArchive.forWorkers("java", List.of(), jar.toString(), true, dir).kind())
                .as("a relative name").isEqualTo(Kind.NONE);
        assertThat(ClassDataArchive.forWorkers(java.toString(), List.of(), jar.toString(), true, dir).kind())
                .as("no release file").isEqualTo(Kind.NONE);
    }

    @Test
    void anotherJavaIsKnownByItsReleaseFile() throws IOException {
        Path jar = jar("a.jar");
        Path java = fakeJava("jdk25", "25.0.3");

        ClassDataArchive archive = ClassDataArchive.forWorkers(java.toString(), List.of(), jar.toString(), true, dir);

        assertThat(archive.kind()).isEqualTo(Kind.AOT_CACHE);
        assertThat(archive.file().getParent()).isEqualTo(dir);
        assertThat(archive.file().toString()).endsWith(".aot");
        assertThat(ClassDataArchive.forWorkers(fakeJava("jdk21", "21.0.5").toString(), List.of(), jar.toString(), true,
                dir).kind()).isEqualTo(Kind.AUTO_CREATED);
    }

    @Test
    void aRebuiltJarOtherOptionsOrAnotherJavaGetAnotherArchive() throws IOException {
        Path jar = jar("a.jar");
        Path java = fakeJava("jdk25", "25.0.3");
        Path file = ClassDataArchive.forWorkers(java.toString(), List.of(), jar.toString(), true, dir).file();

        assertThat(ClassDataArchive.forWorkers(java.toString(), List.of(), jar.toString(), true, dir).file())
                .as("same java, options and jars").isEqualTo(file);
        assertThat(ClassDataArchive.forWorkers(java.toString(), List.of("-Xmx1g"), jar.toString(), true, dir).file())
                .isNotEqualTo(file);
        assertThat(ClassDataArchive.forWorkers(fakeJava("other", "25.0.3").toString(), List.of(), jar.toString(), true,
                dir).file()).isNotEqualTo(file);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(ClassDataArchive.forWorkers(java.toString(), List.of(), jar.toString(), true, dir).file())
                .as("the jar changed").isNotEqualTo(file);
    }

    private static Process shortLivedProcess() throws IOException {
        return new ProcessBuilder(LaunchSettings.currentJava(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String option(List<String> options, String prefix) {
        return options.stream().filter(option -> option.startsWith(prefix)).findFirst()
                .map(option -> option.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + options));
    }

    private Path jar(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0});
    }

    private Path fakeJava(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        return Files.writeString(bin.resolve("java"), "");
    }
}
