package io.github.mpeventloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.github.mpeventloop.spi.WorkerEndpoint;

/**
 * The shape of core (issue 18): no cycles between its packages, a launcher SPI that knows nothing of
 * the protocol (its {@link WorkerEndpoint} serves a channel with the worker side, and knows no more),
 * a worker side reached only through its entry points ({@code worker.WorkerMain},
 * {@code worker.WorkerContext}, {@link WorkerEndpoint}), a module descriptor that exports the public packages
 * and nothing internal, and no class over 400 lines. The root package is the API and the facade over the
 * engine (whose classes are package-private there); every sub-package may use the API's types (its
 * exceptions, {@link Event}), so cycles are checked among the sub-packages. The other modules check
 * in their own tests that they import nothing internal.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.github.mpeventloop");

    private static final int MAX_LINES = 400;

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("io.github.mpeventloop.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theLauncherSpiKnowsNothingOfTheProtocolNorOfTheEngine() {
        noClasses().that().resideInAPackage("io.github.mpeventloop.spi..")
                .and().doNotHaveFullyQualifiedName(WorkerEndpoint.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.github.mpeventloop.internal..", "tools.jackson..")
                .check(CORE);
        noClasses().that().haveFullyQualifiedName(WorkerEndpoint.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.github.mpeventloop.internal.wire..",
                        "io.github.mpeventloop.internal.call..", "io.github.mpeventloop.internal.launch..",
                        "io.github.mpeventloop.internal.process..", "tools.jackson..")
                .check(CORE);
    }

    @Test
    void theWorkerSideIsReachedOnlyThroughItsEntryPoints() {
        noClasses().that().resideOutsideOfPackages("io.github.mpeventloop.internal.worker..",
                "io.github.mpeventloop.worker..")
                .and().doNotHaveFullyQualifiedName(WorkerEndpoint.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.github.mpeventloop.internal.worker..")
                .check(CORE);
    }

    @Test
    void internalsDoNotReachIntoTheSpiOrTheEngineExceptToLaunch() {
        noClasses().that().resideInAnyPackage("io.github.mpeventloop.internal.wire..",
                "io.github.mpeventloop.internal.call..", "io.github.mpeventloop.internal.process..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.mpeventloop.spi..",
                        "io.github.mpeventloop.internal.launch..")
                .check(CORE);
    }

    @Test
    void noClassOfCoreIsLongerThan400Lines() throws IOException {
        Path sources = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            Map<Path, Long> tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .collect(Collectors.toMap(Function.identity(), ArchitectureTest::lines))
                    .entrySet().stream().filter(entry -> entry.getValue() > MAX_LINES)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(tooLong).as("source files over %d lines", MAX_LINES).isEmpty();
        }
        List<String> packages = CORE.stream().map(javaClass -> javaClass.getPackageName()).distinct().toList();
        assertThat(packages).as("the classes were found").contains("io.github.mpeventloop.spi");
    }

    @Test
    void theModuleExportsEveryPublicPackageAndNothingInternal() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> withPublicTypes = CORE.stream()
                .filter(javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getPackageName).filter(name -> !name.contains(".internal"))
                .collect(Collectors.toSet());
        assertThat(exported).isEqualTo(withPublicTypes);
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
