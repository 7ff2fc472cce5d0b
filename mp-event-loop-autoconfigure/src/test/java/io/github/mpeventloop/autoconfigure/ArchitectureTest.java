package io.github.mpeventloop.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The Spring Boot auto-configuration imports nothing internal of the core (issue 18). */
class ArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.github.mpeventloop.autoconfigure", "io.github.mpeventloop.spring");

    @Test
    void itImportsNothingInternalOfTheCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.github.mpeventloop.internal..")
                .check(MODULE);
    }
}
