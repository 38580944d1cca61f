package org.tanuu.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other one way only: {@code facts <- rulebook <- identify <- cases <- {http, cli}}.
 * The domain packages know nothing of HTTP or of the framework; only {@code http} does.
 */
class PackageDependenciesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tanuu");

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.tanuu.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void eachLayerIsUsedOnlyByTheLayersAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("facts").definedBy("org.tanuu.facts..")
                .layer("rulebook").definedBy("org.tanuu.rulebook..")
                .layer("identify").definedBy("org.tanuu.identify..")
                .layer("cases").definedBy("org.tanuu.cases..")
                .layer("http").definedBy("org.tanuu.http..")
                .layer("cli").definedBy("org.tanuu.cli..")
                .whereLayer("http").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("cases").mayOnlyBeAccessedByLayers("http", "cli")
                .whereLayer("identify").mayOnlyBeAccessedByLayers("cases", "http", "cli")
                .whereLayer("rulebook").mayOnlyBeAccessedByLayers("identify", "cases", "http", "cli")
                .check(MAIN);
    }

    @Test
    void onlyTheHttpPackageKnowsJaxRsOrCdi() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage("org.tanuu.http..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.inject..",
                        "jakarta.enterprise..", "io.quarkus..", "io.vertx..")
                .check(MAIN);
    }
}
