package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The breach screen's draft and approval as an officer sees them: the real views over the in-memory platform, with
 * the real dialogs. Work runs inline on the FX thread; settled edits run when the test says.
 */
class BreachWizardWindowTest extends FxRobot {

    private static final MemberRef NORTHBRIDGE = new MemberRef("northbridge", "Northbridge University");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final FakeBreach breach = platform.breach;
    private final AppState app = new AppState();
    private Stage stage;
    private BreachViewModel vm;
    private BreachView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() throws Exception {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        FxToolkit.setupFixture(() -> {
            signInAs("nb-security", "Nadia Ta");
            stage = new Stage();
            vm = new BreachViewModel(app, platform.breach(), platform.courses(), tasks, Messages.english(),
                    new FxBreachDialogs(Messages.english(),
                    () -> stage), p -> { }, new MutableClock(FakeBreach.NOW), ZoneOffset.UTC);
            view = new BreachView(vm, Messages.english());
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(BreachView.class.getResource(Css.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            view.close();
            stage.hide();
        });
    }

    private void signInAs(String username, String name) {
        breach.actor = name;
        app.signedIn(new Session(platform, new MeDto(username, name, NORTHBRIDGE, List.of(Role.SECURITY_OFFICER),
                CourseScope.allCourses())));
    }

    private DraftViewModel draft() {
        return vm.draft();
    }

    private void settle() {
        interact(tasks::runScheduled);
    }

    /** A new draft with its facts saved, on the scope step, through the window. */
    private void onScopeStep() {
        clickOn("#newIncident");
        setText("#incidentTitle", "Reporting server left open");
        setText("#whatHappened", "A reporting server was reachable without a password.");
        setText("#contact", "privacy@northbridge.example");
        clickOn("#flowNext");
        waitUntil(() -> draft().stepProperty().get() == Step.SCOPE && showing("#scopeStep"));
    }

    private void setText(String query, String text) {
        TextInputControl field = lookup(query).queryAs(TextInputControl.class);
        interact(() -> field.setText(text));
    }

    /** Shown: the node and every parent visible, in a window on screen. */
    private boolean showing(String query) {
        return onFx(() -> lookup(query).tryQuery().map(BreachWizardWindowTest::shown).orElse(false));
    }

    private static boolean shown(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String text(String query) {
        return onFx(() -> {
            Node n = lookup(query).query();
            return n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "";
        });
    }

    /** The messages at fields the officer can see now. */
    private List<String> fieldMessagesShown() {
        return onFx(() -> lookup("." + Css.FIELD_ERROR).queryAll().stream().filter(BreachWizardWindowTest::shown)
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList());
    }

    /** Every piece of text in every window on screen. */
    private String everythingOnScreen() {
        return onFx(() -> {
            List<String> all = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), all);
                }
            }
            return String.join("\n", all);
        });
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        } else if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        } else if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private boolean bannerShown() {
        return showing("#breachNotice");
    }

    @Test
    void aFreshDraftShowsNoMessageUntilAFieldIsLeftOrTheOfficerTriesToGoOn() {
        clickOn("#newIncident");
        waitUntil(() -> showing("#factsStep"));

        assertThat(fieldMessagesShown()).isEmpty();
        assertThat(showing("#draftProblems")).isFalse();
        assertThat(bannerShown()).isFalse();

        clickOn("#incidentTitle");
        clickOn("#whatHappened");
        assertThat(fieldMessagesShown()).containsExactly("Give the incident a title.");
        assertThat(showing("#incidentTitleMessage")).isTrue();

        setText("#incidentTitle", "Reporting server left open");
        assertThat(fieldMessagesShown()).isEmpty();

        setText("#incidentTitle", "");
        clickOn("#flowNext");
        assertThat(showing("#draftProblems")).isTrue();
        assertThat(bannerShown()).isTrue();

        setText("#incidentTitle", "Reporting server left open");
        assertThat(showing("#draftProblems")).isFalse();
        assertThat(bannerShown()).as("the yellow banner goes once fixed").isFalse();
    }

    @Test
    void aRefusalReadsInWordsAndNoPlatformFieldNameReachesTheScreen() {
        onScopeStep();
        clickOn("#scopeByList");
        setText("#scopeList", "l-1\nl-2");
        settle();
        platform.failNext = new ApiHttpException(422, new Problem("about:blank", "Invalid", 422, null,
                ProblemCode.VALIDATION_FAILED, List.of(
                        new Problem.FieldError("scope.learners", "An entry is longer than any id or email."),
                        new Problem.FieldError("discoveredAt", "The discovery cannot lie in the future.")), null),
                null);

        setText("#scopeList", "l-1\nl-2\nl-3");
        settle();

        String screen = everythingOnScreen();
        assertThat(screen).contains("Learners to notify: An entry is longer than any id or email.",
                "When it was discovered: The discovery cannot lie in the future.");
        assertThat(screen).doesNotContain("scope.learners", "discoveredAt", "scope.");
        assertThat(text("#scopeListMessage")).isEqualTo("An entry is longer than any id or email.");
        assertThat(bannerShown()).isTrue();

        setText("#scopeList", "l-1\nl-2\nl-4");
        settle();
        assertThat(showing("#draftProblems")).as("gone with the accepted save").isFalse();
        assertThat(bannerShown()).isFalse();
    }

    @Test
    void theScopeStepStartsWithNothingChosenSaysSoAndCountsTheChoice() {
        onScopeStep();

        assertThat(onFx(() -> lookup("#scopeByFilter").queryAs(RadioButton.class).isSelected())).isFalse();
        assertThat(onFx(() -> lookup("#scopeByList").queryAs(RadioButton.class).isSelected())).isFalse();
        assertThat(showing("#scopeReach")).isFalse();
        assertThat(text("#scopeCountsLearners")).isEqualTo("\u2014");
        assertThat(fieldMessagesShown()).isEmpty();
        assertThat(breach.previewReads).isZero();

        clickOn("#flowNext");
        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(text("#scopeModesMessage")).startsWith("Choose who was affected");
        assertThat(showing("#draftProblems")).isTrue();

        clickOn("#scopeByFilter");
        clickOn("#scopeEveryCourse");
        settle();

        assertThat(text("#scopeReach")).isEqualTo("This choice reaches 120 learners.");
        assertThat(text("#scopeCountsLearners")).isEqualTo("120");
        assertThat(showing("#draftProblems")).isFalse();
        assertThat(bannerShown()).isFalse();
        assertThat(fieldMessagesShown()).isEmpty();

        clickOn("#flowNext");
        waitUntil(() -> showing("#channelsStep"));
        assertThat(showing("#draftProblems")).isFalse();
        assertThat(bannerShown()).isFalse();
    }

    @Test
    void theSummaryAndTheReviewShowPlaceholdersFilled() {
        submittedThroughTheWindow();

        assertThat(text("#reviewSubject")).contains("Northbridge University").doesNotContain("{{");
        assertThat(text("#reviewBody")).contains("Dear \u2039learner's name\u203a,", "Northbridge University")
                .doesNotContain("{{", "}}");
    }

    @Test
    void theAuthorNeverSeesAnEnabledApproveAndTheApproverConfirmsTheShortFingerprintsInADialog() {
        submittedThroughTheWindow();
        assertThat(showing("#approveNotice")).isTrue();
        assertThat(onFx(() -> lookup("#approveNotice").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(showing("#authorNote")).isTrue();
        String full = onFx(() -> vm.openIncidentProperty().get().textFingerprint());
        assertThat(text("#textFingerprint")).isEqualTo(BreachFormat.shortFingerprint(full));
        assertThat(onFx(() -> lookup("#textFingerprint").queryAs(TextInputControl.class).getTooltip().getText()))
                .contains(full);

        interact(() -> {
            signInAs("nb-security2", "Grace Liu");
            vm.reloadIncident();
        });
        assertThat(onFx(() -> lookup("#approveNotice").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(showing("#authorNote")).isFalse();

        clickOn("#approveNotice");
        waitUntil(() -> showing("#approveDialog"));
        assertThat(text("#approveDialogTextFingerprint")).isEqualTo(text("#textFingerprint"));
        assertThat(text("#approveDialogRecipientsFingerprint")).isEqualTo(text("#recipientsFingerprint"));
        assertThat(text("#approveDialogLearners")).isEqualTo("120 learners").isEqualTo(text("#reviewRecipients"));
        assertThat(text("#approveDialogTitle")).isEqualTo("Reporting server left open");
        shot("approve-dialog-test");

        clickOn("#approveDialogCancel");
        waitUntil(() -> !showing("#approveDialog"));
        assertThat(vm.openIncidentProperty().get().state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(breach.calls).noneMatch(c -> c.startsWith("approve"));

        clickOn("#approveNotice");
        waitUntil(() -> showing("#approveDialog"));
        clickOn("#approveDialogOk");
        waitUntil(() -> vm.openIncidentProperty().get().state() == IncidentState.APPROVED);
    }

    /** Facts, every course, the notice from the template, submitted by its author through the window. */
    private void submittedThroughTheWindow() {
        onScopeStep();
        clickOn("#scopeByFilter");
        clickOn("#scopeEveryCourse");
        settle();
        interact(() -> draft().goTo(Step.NOTICE));
        waitUntil(() -> showing("#noticeStep"));
        clickOn("#flowNext");
        waitUntil(() -> showing("#submitStep"));
        assertThat(text("#submitSubject")).isEqualTo(
                "Important: an incident involving your information at Northbridge University");
        clickOn("#submitDraft");
        waitUntil(() -> showing("#reviewPane"));
        assertThat(draft().modeProperty().get()).isEqualTo(ScopeMode.FILTER);
    }

    /** With {@code -Dwizard.shots=DIR}, what the window (and any dialog over it) shows, as DIR/name.png. */
    private void shot(String name) {
        String dir = System.getProperty("wizard.shots");
        if (dir != null) {
            WaitForAsyncUtils.waitForFxEvents();
            Snapshots.write(Path.of(dir, name + ".png"));
        }
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            if (Platform.isFxApplicationThread()) {
                return work.call();
            }
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the window", e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 20 seconds", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
