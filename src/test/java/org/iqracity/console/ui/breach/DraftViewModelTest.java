package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.breach.DraftViewModel.PreviewState;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The draft guides without misleading: no message before a field is touched, messages in words, banners that go once
 * the draft is right, and a scope that is never chosen for the officer.
 */
class DraftViewModelTest {

    private static final MemberRef NORTHBRIDGE = new MemberRef("northbridge", "Northbridge University");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final FakeBreach breach = platform.breach;
    private final ScriptedBreachDialogs dialogs = new ScriptedBreachDialogs();
    private BreachViewModel vm;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        breach.actor = "Nadia Ta";
        app.signedIn(new Session(platform, new MeDto("nb-security", "Nadia Ta", NORTHBRIDGE,
                List.of(Role.SECURITY_OFFICER), CourseScope.allCourses())));
        vm = new BreachViewModel(app, platform.breach(), platform.courses(), tasks, Messages.english(), dialogs,
                p -> { }, new MutableClock(FakeBreach.NOW),
                ZoneOffset.UTC);
        vm.load();
    }

    private DraftViewModel draft() {
        return vm.draft();
    }

    private void factsFilledAndOnScope() {
        vm.newIncident();
        draft().titleProperty().set("Reporting server left open");
        draft().whatHappenedProperty().set("A reporting server was reachable without a password.");
        draft().contactProperty().set("privacy@northbridge.example");
        draft().next();
    }

    private List<String> shownAtFields() {
        return Arrays.stream(DraftField.values()).map(f -> draft().fieldMessage(f).get())
                .filter(m -> m != null && !m.isEmpty()).toList();
    }

    private static ApiHttpException refusal(Problem.FieldError... errors) {
        return new ApiHttpException(422, new Problem("about:blank", "Invalid", 422, "The draft is not valid.",
                ProblemCode.VALIDATION_FAILED, List.of(errors), null), null);
    }

    /** Everything the officer can read about the draft now: the list above the step, the fields, the banner. */
    private String everythingShown() {
        List<String> all = new ArrayList<>(draft().problems());
        all.addAll(shownAtFields());
        if (vm.noticeProperty().get() != null) {
            all.add(vm.noticeProperty().get().text());
        }
        return String.join("\n", all);
    }

    // 1. Nothing before a field is touched.

    @Test
    void aNewDraftShowsNoMessageBeforeTheOfficerTouchesAField() {
        vm.newIncident();

        assertThat(draft().problems()).isEmpty();
        assertThat(shownAtFields()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void aFieldsMessageShowsOnceItWasEditedOrLeft() {
        vm.newIncident();

        draft().titleProperty().set("Reporting");
        draft().titleProperty().set("");
        assertThat(draft().fieldMessage(DraftField.TITLE).get()).isEqualTo("Give the incident a title.");

        draft().discoveredAtProperty().set(null);
        assertThat(draft().fieldMessage(DraftField.DISCOVERED_AT).get()).startsWith("Say when the breach was");
        assertThat(draft().fieldMessage(DraftField.SCOPE).get()).as("not touched, not tried").isNull();
        assertThat(draft().problems()).as("the list above waits for a try to go on").isEmpty();

        draft().titleProperty().set("Reporting server left open");
        assertThat(draft().fieldMessage(DraftField.TITLE).get()).isNull();
    }

    @Test
    void leavingAnUntouchedEmptyFieldShowsItsMessage() {
        vm.newIncident();

        draft().touch(DraftField.TITLE);

        assertThat(draft().fieldMessage(DraftField.TITLE).get()).isEqualTo("Give the incident a title.");
        assertThat(shownAtFields()).hasSize(1);
    }

    @Test
    void tryingToGoOnShowsEveryMessageOfTheStep() {
        vm.newIncident();
        draft().discoveredAtProperty().set(null);

        draft().next();

        assertThat(draft().problems()).containsExactly("Give the incident a title.",
                "Say when the breach was discovered: the 72-hour clock starts there.");
        assertThat(draft().fieldMessage(DraftField.TITLE).get()).isEqualTo("Give the incident a title.");
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.WARNING);
    }

    @Test
    void aNewDraftAfterARefusedOneStartsClean() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        platform.failNext = refusal(new Problem
                .FieldError("scope.learners", "Paste at least one learner id or email."));
        draft().titleProperty().set("Changed");
        draft().save();
        assertThat(draft().problems()).isNotEmpty();

        dialogs.leave = BreachDialogs.LeaveChoice.DISCARD;
        vm.newIncident();

        assertThat(draft().problems()).isEmpty();
        assertThat(shownAtFields()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    // 2. Words, never the platform's field names.

    @Test
    void everyFieldOfTheBreachRequestHasALabelInWords() {
        Messages messages = Messages.english();
        List<String> names = new ArrayList<>();
        for (var c : IncidentRequest.class.getRecordComponents()) {
            names.add(c.getName());
        }
        for (var c : BreachScope.class.getRecordComponents()) {
            names.add("scope." + c.getName());
        }

        for (String name : names) {
            DraftField field = DraftField.of(name);
            assertThat(field).as(name).isNotNull();
            assertThat(field.path()).as(name).isEqualTo(name);
            String label = field.label(messages);
            assertThat(label).as(name).doesNotStartWith("!").doesNotContain(".").isNotEqualTo(name);
        }
        assertThat(DraftField.DISCOVERED_AT.label(messages)).isEqualTo("When it was discovered");
        assertThat(DraftField.SCOPE_LEARNERS.label(messages)).isEqualTo("Learners to notify");
    }

    @Test
    void aRefusalIsShownInWordsAtItsFieldsAndNeverByThePlatformsNames() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.LIST);
        draft().listTextProperty().set("l-1\nl-2\nl-3\nl-4");
        tasks.runScheduled();
        platform.failNext = refusal(
                new Problem.FieldError("scope.learners", "Paste at least one learner id or email."),
                new Problem.FieldError("scope.learners[3]", "An entry is longer than any id or email."),
                new Problem.FieldError("discoveredAt", "The discovery cannot lie in the future."),
                new Problem.FieldError("scope.enrolledTo", "The end of the enrollment range comes first."),
                new Problem.FieldError("somethingNew.inside", "The platform changed."));

        draft().listTextProperty().set("l-1\nl-2\nl-3\nl-4\nl-5");
        tasks.runScheduled();

        assertThat(draft().problems()).containsExactly(
                "When it was discovered: The discovery cannot lie in the future.",
                "Enrolled until: The end of the enrollment range comes first.",
                "Learners to notify: Paste at least one learner id or email. An entry is longer than any id or email.",
                "The draft: The platform changed.");
        assertThat(draft().fieldMessage(DraftField.SCOPE_LEARNERS).get())
                .isEqualTo("Paste at least one learner id or email. An entry is longer than any id or email.");
        assertThat(draft().fieldMessage(DraftField.DISCOVERED_AT).get())
                .isEqualTo("The discovery cannot lie in the future.");
        assertThat(everythingShown()).doesNotContain("scope.", "discoveredAt", "enrolledTo", "somethingNew", "[3]");
        assertThat(vm.noticeProperty().get().text()).startsWith("The platform did not accept the draft");
    }

    @Test
    void editingARefusedFieldTakesItsRefusalAway() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        platform.failNext = refusal(new Problem.FieldError("contact", "Keep this under 2000 characters."));
        draft().contactProperty().set("x".repeat(2001));
        draft().save();
        assertThat(draft().fieldMessage(DraftField.CONTACT).get()).isEqualTo("Keep this under 2000 characters.");

        draft().contactProperty().set("privacy@northbridge.example");

        assertThat(draft().fieldMessage(DraftField.CONTACT).get()).isNull();
        assertThat(draft().problems()).isEmpty();
        assertThat(vm.noticeProperty().get()).as("the yellow banner goes with it").isNull();
    }

    // 3. Banners go once the draft is valid, and never follow to later steps.

    @Test
    void theNotAcceptedBannerGoesWhenALaterSaveIsAccepted() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        tasks.runScheduled();
        platform.failNext = refusal(new Problem.FieldError("body", "Unknown placeholder {{name}}."));
        draft().bodyProperty().set("Dear {{name}},");
        draft().save();
        assertThat(vm.noticeProperty().get().text()).startsWith("The platform did not accept the draft");
        assertThat(draft().problems()).containsExactly("Text of the notice: Unknown placeholder {{name}}.");

        // An autosave of another change is accepted: the platform no longer refuses the draft.
        draft().holdingProperty(DataCategory.EMAIL).set(true);
        tasks.runScheduled();

        assertThat(draft().problems()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void theFixBannerGoesOnceTheStepIsFixedAndDoesNotFollowToTheNextStep() {
        factsFilledAndOnScope();

        draft().next();
        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(draft().problems()).containsExactly(
                "Choose who was affected: courses of your Member, every course, or a list of learners. Nothing is "
                        + "chosen for you.");
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.WARNING);

        draft().modeProperty().set(ScopeMode.FILTER);
        draft().courses().getFirst().selectedProperty().set(true);
        assertThat(draft().problems()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();

        tasks.runScheduled();
        draft().next();
        assertThat(draft().stepProperty().get()).isEqualTo(Step.CHANNELS);
        assertThat(draft().problems()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void goingBackFromAStepWithProblemsLeavesTheListBehind() {
        factsFilledAndOnScope();
        draft().next();
        assertThat(draft().problems()).isNotEmpty();

        draft().back();

        assertThat(draft().stepProperty().get()).isEqualTo(Step.FACTS);
        assertThat(draft().problems()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    // 4. The scope starts empty and asks for a choice.

    @Test
    void aNewDraftHasNoScopeAndCountsNothingUntilOneIsChosen() {
        factsFilledAndOnScope();

        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(draft().modeProperty().get()).isNull();
        assertThat(draft().everyCourseProperty().get()).isFalse();
        assertThat(draft().scopeChosenProperty().get()).isFalse();
        assertThat(draft().previewStateProperty().get()).isEqualTo(PreviewState.CHOOSE);
        assertThat(draft().previewProperty().get()).isNull();
        assertThat(breach.previewReads).isZero();
        assertThat(shownAtFields()).isEmpty();
    }

    @Test
    void goingOnWithoutAChoiceSaysSoInWords() {
        factsFilledAndOnScope();

        draft().next();

        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(draft().fieldMessage(DraftField.SCOPE).get()).startsWith("Choose who was affected");

        draft().modeProperty().set(ScopeMode.FILTER);
        draft().next();
        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(draft().problems()).containsExactly(
                "Tick the courses whose learners were affected, or tick every course of your Member.");
    }

    @Test
    void everyCourseIsAChoiceMadeOnPurposeAndShowsItsCount() {
        factsFilledAndOnScope();

        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        tasks.runScheduled();

        assertThat(draft().scopeChosenProperty().get()).isTrue();
        assertThat(draft().previewStateProperty().get()).isEqualTo(PreviewState.READY);
        assertThat(draft().previewProperty().get().learners()).isEqualTo(120);
        draft().next();
        assertThat(draft().stepProperty().get()).isEqualTo(Step.CHANNELS);
    }

    @Test
    void coursesOrAListAreChoicesAndTheirCountShows() {
        factsFilledAndOnScope();

        draft().modeProperty().set(ScopeMode.FILTER);
        draft().courses().getFirst().selectedProperty().set(true);
        tasks.runScheduled();
        assertThat(draft().previewProperty().get().learners()).isEqualTo(40);
        assertThat(breach.current("inc-1").scope().courseIds()).hasSize(1);

        draft().modeProperty().set(ScopeMode.LIST);
        tasks.runScheduled();
        assertThat(draft().scopeChosenProperty().get()).as("a list without entries names nobody").isFalse();
        assertThat(draft().previewStateProperty().get()).isEqualTo(PreviewState.CHOOSE);
        assertThat(draft().problems()).as("no refusal for a list not yet pasted").isEmpty();
        assertThat(draft().fieldMessage(DraftField.SCOPE_LEARNERS).get()).isNull();

        draft().listTextProperty().set("l-1, l-2, l-3");
        tasks.runScheduled();
        assertThat(draft().previewProperty().get().learners()).isEqualTo(3);
    }

    @Test
    void tickingACourseAfterEveryCourseNamesThatCourseOnly() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);

        draft().courses().get(1).selectedProperty().set(true);
        tasks.runScheduled();

        assertThat(draft().everyCourseProperty().get()).isFalse();
        assertThat(breach.current("inc-1").scope().courseIds()).containsExactly("course-v1:NB+MA201+2026");
    }

    @Test
    void aDraftReadBackWithoutAScopeAsksForOneAndEveryLearnerReadsBackAsThatChoice() {
        IncidentRequest r = FakeBreach.request("Laptop stolen");
        breach.seed(new IncidentRequest(r.title(), FakeBreach.NOW.minusSeconds(3600), r.occurredFrom(),
                r.occurredTo(), r.whatHappened(), r.dataCategories(), r.systems(), r.measures(), r.learnerActions(),
                r.contact(), null, r.subject(), r.body()), IncidentState.DRAFT);
        vm.load();

        vm.open(vm.incidents().getFirst());

        assertThat(breach.current(vm.incidents().getFirst().id()).scope()).isNull();
        assertThat(draft().modeProperty().get()).isNull();
        assertThat(draft().scopeChosenProperty().get()).isFalse();
        assertThat(draft().dirtyProperty().get()).isFalse();

        draft().goTo(Step.SCOPE);
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        tasks.runScheduled();
        assertThat(breach.current(vm.incidents().getFirst().id()).scope()).isEqualTo(BreachScope.allLearners());
        vm.reloadIncident();

        assertThat(draft().everyCourseProperty().get()).isTrue();
        assertThat(draft().scopeChosenProperty().get()).isTrue();
    }

    @Test
    void submittingWithoutAChoiceStopsOnTheScopeStep() {
        factsFilledAndOnScope();
        draft().goTo(Step.SCOPE);

        draft().submit();

        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(breach.calls).noneMatch(c -> c.startsWith("submit"));
    }

    // 7. The summary shows the notice as learners read it.

    @Test
    void theSummarysSubjectHasItsPlaceholdersFilled() {
        factsFilledAndOnScope();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        tasks.runScheduled();
        draft().goTo(Step.NOTICE);
        assertThat(draft().subjectProperty().get()).contains("{{member_name}}");

        draft().subjectProperty().set("{{incident_title}} at {{member_name}}, for {{learner_name}}");

        assertThat(draft().filledSubject())
                .isEqualTo("Reporting server left open at Northbridge University, for \u2039learner's name\u203a");
    }
}
