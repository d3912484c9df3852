package org.iqracity.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.iqracity.console.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arrows of STYLE.md: {@code ui -> client -> api}, {@code platform -> api}, nothing but the composition root
 * ({@code app}) depends on {@code ui}. Each rule is written for a package root, checked against the production
 * classes, and checked to fail against {@code org.iqracity.archfixture}, which breaks every rule on purpose: a rule
 * that matched nothing would otherwise pass silently while {@code ui} and {@code client} are still empty here.
 */
class ArchitectureTest {
    private static final String ROOT = "org.iqracity.console";
    private static final String FIXTURE = "org.iqracity.archfixture";

    private static JavaClasses production;
    private static JavaClasses fixture;

    @BeforeAll
    static void importClasses() {
        // Reading the two class folders directly: scanning the whole class path for a package takes seconds.
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classFolderOf(Platform.class));
        fixture = new ClassFileImporter()
                .importPath(classFolderOf(ArchitectureTest.class).resolve(FIXTURE.replace('.', '/')));
    }

    private static Path classFolderOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArchRule apiDependsOnlyOnJacksonAndTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".api..", "java..", "javax..",
                        "com.fasterxml.jackson..")
                .because("the wire contract is shared by console and platform and must drag neither along");
    }

    static ArchRule clientTalksOnlyToApi(String root) {
        return noClasses().that().resideInAPackage(root + ".client..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".platform..", root + ".ui..",
                        root + ".app..", "javafx..")
                .because("the client speaks HTTP to any platform and runs on any thread (ui -> client -> api)")
                .allowEmptyShould(true);
    }

    static ArchRule uiReachesThePlatformOnlyThroughTheClient(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".platform..")
                .because("the console must work against any platform, so it only speaks the API (ui -> client)")
                .allowEmptyShould(true);
    }

    static ArchRule onlyTheCompositionRootDependsOnUi(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".ui..", root + ".app..")
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(root + ".ui..")
                .because("nothing depends on ui: only the composition root in app wires the console");
    }

    static ArchRule platformNeverSeesClientOrUi(String root) {
        return noClasses().that().resideInAPackage(root + ".platform..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".client..", root + ".ui..",
                        "javafx..", "okhttp3..")
                .because("the platform runs headless on a server and answers any client (platform -> api)");
    }

    static ArchRule servicesKnowNoWebFramework(String root) {
        return noClasses().that().resideInAPackage(root + ".platform.service..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..",
                        "jakarta.servlet..")
                .because("the access rules live in services, which are unit-tested without a web server");
    }

    static ArchRule serviceFeaturesMeetOnlyInTheSharedPackage(String root) {
        return slices().matching(root + ".platform.service.(*)..").should().notDependOnEachOther()
                .because("each feature's rules (auth, learners, tracking, breach...) are read and changed on their "
                        + "own; what two features need lives in platform.service itself");
    }

    static ArchRule theSharedServicePackageKnowsNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".platform.service")
                .should().dependOnClassesThat().resideInAPackage(root + ".platform.service.*..")
                .because("platform.service holds what the features share (the caller, refusals, courses, the access "
                        + "log), so it leans on none of them");
    }

    static ArchRule storeNeverCallsTheWebLayer(String root) {
        return noClasses().that().resideInAPackage(root + ".platform.store..")
                .should().dependOnClassesThat().resideInAPackage(root + ".platform.http..")
                .because("repositories sit below the services; calls only go down");
    }

    static ArchRule topLevelPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("the arrows between api, client, platform, ui and app point one way only");
    }

    static ArchRule viewModelsStayOffTheSceneGraph(String root) {
        return noClasses().that().haveSimpleNameEndingWith("ViewModel").and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a ViewModel holds state as properties and is unit-tested without a toolkit")
                .allowEmptyShould(true);
    }

    static ArchRule documentsDependOnlyOnPdfBoxPoiAndTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".documents..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".documents..", "java..",
                        "javax..", "org.apache.pdfbox..", "org.apache.fontbox..", "org.slf4j..")
                .because("PDF and spreadsheet layout is shared by console and platform and knows neither");
    }

    static ArchRule screensDecideOnProblemCodesNotStatusNumbers(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().callMethod(root + ".client.ApiHttpException", "status")
                .because("one status means several things (409: changed meanwhile, or not possible now), so a screen "
                        + "decides on the problem's code (ProblemCode), which names exactly one")
                .allowEmptyShould(true);
    }

    static ArchRule theRosterQueryEngineKnowsNoToolkit(String root) {
        return noClasses().that().resideInAPackage(root + ".roster.query..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", root + ".ui..", root + ".client..",
                        root + ".platform..")
                .because("searching, filtering and sorting an opened roster is plain Java, measured by benchmarks "
                        + "and usable by the command line, with no window to run in");
    }

    static ArchRule screensGetThePartOfTheClientTheyUse(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .and().resideOutsideOfPackages(root + ".ui.shell..", root + ".ui.signin..")
                .and().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName(root + ".client.PlatformClient")
                .because("a screen's ViewModel is built after sign-in with the part of the client it uses "
                        + "(client.tracking(), client.breach()...), so it depends on that part alone and never meets "
                        + "a missing session; signing in and out is the shell's business")
                .allowEmptyShould(true);
    }

    private static final Map<String, Function<String, ArchRule>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("api depends only on Jackson and the JDK", ArchitectureTest::apiDependsOnlyOnJacksonAndTheJdk);
        RULES.put("client talks only to api", ArchitectureTest::clientTalksOnlyToApi);
        RULES.put("ui reaches the platform only through the client",
                ArchitectureTest::uiReachesThePlatformOnlyThroughTheClient);
        RULES.put("only app depends on ui", ArchitectureTest::onlyTheCompositionRootDependsOnUi);
        RULES.put("platform never sees client or ui", ArchitectureTest::platformNeverSeesClientOrUi);
        RULES.put("services know no web framework", ArchitectureTest::servicesKnowNoWebFramework);
        RULES.put("service features meet only in the shared package",
                ArchitectureTest::serviceFeaturesMeetOnlyInTheSharedPackage);
        RULES.put("the shared service package knows no feature",
                ArchitectureTest::theSharedServicePackageKnowsNoFeature);
        RULES.put("store never calls the web layer", ArchitectureTest::storeNeverCallsTheWebLayer);
        RULES.put("no cycles between top-level packages", ArchitectureTest::topLevelPackagesAreFreeOfCycles);
        RULES.put("ViewModels stay off the scene graph", ArchitectureTest::viewModelsStayOffTheSceneGraph);
        RULES.put("documents depend only on PDFBox and the JDK",
                ArchitectureTest::documentsDependOnlyOnPdfBoxPoiAndTheJdk);
        RULES.put("screens decide on problem codes, not status numbers",
                ArchitectureTest::screensDecideOnProblemCodesNotStatusNumbers);
        RULES.put("the roster query engine knows no toolkit", ArchitectureTest::theRosterQueryEngineKnowsNoToolkit);
        RULES.put("screens get the part of the client they use",
                ArchitectureTest::screensGetThePartOfTheClientTheyUse);
    }

    static Stream<Arguments> rules() {
        return RULES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void productionClassesAreImported() {
        assertThat(production.contain("org.iqracity.console.platform.Platform")).isTrue();
        assertThat(production.contain("org.iqracity.console.api.Json")).isTrue();
        assertThat(production.stream().noneMatch(c -> c.getPackageName().startsWith(FIXTURE))).isTrue();
    }

    @Test
    void apiDependsOnlyOnJacksonAndTheJdk() {
        apiDependsOnlyOnJacksonAndTheJdk(ROOT).check(production);
    }

    @Test
    void clientTalksOnlyToApi() {
        clientTalksOnlyToApi(ROOT).check(production);
    }

    @Test
    void uiReachesThePlatformOnlyThroughTheClient() {
        uiReachesThePlatformOnlyThroughTheClient(ROOT).check(production);
    }

    @Test
    void onlyTheCompositionRootDependsOnUi() {
        onlyTheCompositionRootDependsOnUi(ROOT).check(production);
    }

    @Test
    void platformNeverSeesClientOrUi() {
        platformNeverSeesClientOrUi(ROOT).check(production);
    }

    @Test
    void servicesKnowNoWebFramework() {
        servicesKnowNoWebFramework(ROOT).check(production);
    }

    @Test
    void serviceFeaturesMeetOnlyInTheSharedPackage() {
        serviceFeaturesMeetOnlyInTheSharedPackage(ROOT).check(production);
    }

    @Test
    void theSharedServicePackageKnowsNoFeature() {
        theSharedServicePackageKnowsNoFeature(ROOT).check(production);
    }

    @Test
    void storeNeverCallsTheWebLayer() {
        storeNeverCallsTheWebLayer(ROOT).check(production);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        topLevelPackagesAreFreeOfCycles(ROOT).check(production);
    }

    @Test
    void viewModelsStayOffTheSceneGraph() {
        viewModelsStayOffTheSceneGraph(ROOT).check(production);
    }

    @Test
    void documentsDependOnlyOnPdfBoxPoiAndTheJdk() {
        documentsDependOnlyOnPdfBoxPoiAndTheJdk(ROOT).check(production);
    }

    @Test
    void screensDecideOnProblemCodesNotStatusNumbers() {
        screensDecideOnProblemCodesNotStatusNumbers(ROOT).check(production);
    }

    @Test
    void theRosterQueryEngineKnowsNoToolkit() {
        theRosterQueryEngineKnowsNoToolkit(ROOT).check(production);
    }

    @Test
    void screensGetThePartOfTheClientTheyUse() {
        screensGetThePartOfTheClientTheyUse(ROOT).check(production);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleCatchesItsViolationInTheFixture(String name, Function<String, ArchRule> rule) {
        assertThat(rule.apply(FIXTURE).evaluate(fixture).hasViolation())
                .as("rule '%s' must fail on the deliberately broken fixture", name).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyRuleStatesItsReason(String name, Function<String, ArchRule> rule) {
        assertThat(rule.apply(ROOT).getDescription()).as(name).contains("because");
    }
}
