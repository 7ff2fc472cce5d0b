package io.github.mpeventloop.hazelcast;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The Hazelcast backend is built on the core's public API and SPI alone (issue 18). */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.mpeventloop.hazelcast");

    @Test
    void itUsesOnlyTheCoresApiAndSpi() {
        DescribedPredicate<JavaClass> apiOrSpiOrNotCore = JavaClass.Predicates.resideOutsideOfPackage("io.github.mpeventloop..")
                .or(JavaClass.Predicates.resideInAnyPackage("io.github.mpeventloop", "io.github.mpeventloop.spi..",
                        "io.github.mpeventloop.hazelcast..", "io.github.mpeventloop.autoconfigure"))
                .or(nameMatching("\\[.*"));
        classes().that().resideInAPackage("io.github.mpeventloop.hazelcast..").should()
                .onlyDependOnClassesThat(apiOrSpiOrNotCore).check(MODULE);
    }
}
