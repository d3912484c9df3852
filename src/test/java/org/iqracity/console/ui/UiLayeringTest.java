package org.iqracity.console.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's arrows: ui -> client -> api, ViewModels without scene graph, no platform code in the UI. */
class UiLayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.iqracity.console");
    }

    @Test
    void viewModelsStayFreeOfTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "atlantafx..", "org.kordamp..")
                .because("a ViewModel is unit-tested without a toolkit and holds no nodes")
                .check(classes);
    }

    @Test
    void uiNeverSeesThePlatformServer() {
        noClasses().that().resideInAPackage("org.iqracity.console.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.iqracity.console.platform..")
                .because("the console reaches a platform only over HTTP; the app wires the embedded one in")
                .check(classes);
    }

    @Test
    void clientKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("org.iqracity.console.client..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.iqracity.console.ui..",
                        "org.iqracity.console.platform..")
                .because("the client is thread-agnostic and usable by tools without a UI")
                .check(classes);
    }
}
