package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.FakeTracking;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.tracking.Conflict.Side;
import org.iqracity.console.ui.tracking.TrackingDialogs.LeaveChoice;
import org.iqracity.console.ui.tracking.TrackingViewModel.NoticeKind;
import org.iqracity.console.ui.tracking.TrackingViewModel.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrackingViewModelTest {

    private static final String CS101 = "course-v1:NB+CS101+2026";
    private static final String MA201 = "course-v1:NB+MA201+2026";

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TrackingViewModel vm;

    @BeforeEach
    void setUp() {
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        vm = new TrackingViewModel(app, platform.courses(), platform.tracking(), tasks, Messages.english(), dialogs);
        vm.load();
    }

    private TechnologyDraft technology(String name) {
        return vm.draft().technologies().stream().filter(t -> t.nameProperty().get().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void loadOpensTheFirstCourseWithSettingsHistoryAndCoverage() {
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.courseProperty().get().id()).isEqualTo(CS101);
        assertThat(vm.savedProperty().get().version()).isEqualTo(1);
        assertThat(vm.draft().technologies()).hasSize(4);
        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(vm.history().versions()).extracting(v -> v.version()).containsExactly(1L);
        assertThat(vm.coverage()).extracting(TrackingViewModel.CoverageRow::display)
                .containsExactly("120", "80", "60", "fewer than 5", "fewer than 5");
        assertThat(vm.coverageNoteProperty().get()).contains("120 active learners");
    }

    @Test
    void anEditMakesTheDraftDirtyAndUndoingItMakesItCleanAgain() {
        TechnologyDraft analytics = technology("Course analytics");

        analytics.retentionProperty().set("26 months");
        assertThat(vm.draft().isDirty()).isTrue();

        analytics.retentionProperty().set("13 months");
        assertThat(vm.draft().isDirty()).isFalse();

        vm.draft().marketingProperty().set(false);
        assertThat(vm.draft().isDirty()).isTrue();
    }

    @Test
    void whitespaceAndLineBreaksAloneAreNoChange() {
        technology("Course analytics").setsProperty().set("analytics_cookie\n\n  ");
        technology("Course analytics").nameProperty().set("  Course analytics ");

        assertThat(vm.draft().isDirty()).isFalse();
    }

    @Test
    void discardGoesBackToTheSavedVersion() {
        vm.draft().technologies().getFirst().nameProperty().set("Renamed");
        vm.addTechnology();

        vm.discard();

        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(vm.draft().technologies()).hasSize(4);
        assertThat(vm.draft().technologies().getFirst().nameProperty().get()).isEqualTo("Session cookie");
    }

    @Test
    void discardCanBeUndoneAndBringsBackExactlyWhatWasThere() {
        List<TechnologyDraft> before = List.copyOf(vm.draft().technologies());
        technology("Course analytics").retentionProperty().set("26 months");
        vm.draft().marketingProperty().set(false);
        TechnologyDraft added = vm.addTechnology();
        added.nameProperty().set("Survey widget");
        vm.save();
        assertThat(added.errors()).isNotEmpty();
        var problems = Map.copyOf(added.errors());
        List<TechnologyDraft> edited = List.copyOf(vm.draft().technologies());

        vm.discard();

        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Your changes were discarded.");

        vm.undo();

        assertThat(vm.draft().technologies()).containsExactlyElementsOf(edited);
        assertThat(vm.draft().technologies()).startsWith(before.toArray(TechnologyDraft[]::new));
        assertThat(technology("Course analytics").retentionProperty().get()).isEqualTo("26 months");
        assertThat(vm.draft().marketingProperty().get()).isFalse();
        assertThat(vm.draft().isDirty()).isTrue();
        assertThat(added.errors()).isEqualTo(problems);
        assertThat(vm.selectedTechnologyProperty().get()).isSameAs(added);
        assertThat(vm.undoTextProperty().get()).isNull();
        // the checks still follow every edit, as before the discard
        added.purposeProperty().set("Asks learners what they thought of a lesson.");
        assertThat(added.errors()).doesNotContainKey("purpose").isNotEmpty();
    }

    @Test
    void removeCanBeUndoneToTheSamePlace() {
        TechnologyDraft video = technology("Video player");
        video.retentionProperty().set("1 day");
        vm.selectedTechnologyProperty().set(video);

        vm.removeSelectedTechnology();
        assertThat(vm.undoTextProperty().get()).isEqualTo("Video player was removed.");
        vm.undo();

        assertThat(vm.draft().technologies()).extracting(t -> t.nameProperty().get())
                .containsExactly("Session cookie", "Course analytics", "Video player", "Campaign pixel");
        assertThat(vm.draft().technologies().get(2)).isSameAs(video);
        assertThat(video.retentionProperty().get()).isEqualTo("1 day");
        assertThat(vm.selectedTechnologyProperty().get()).isSameAs(video);
    }

    @Test
    void undoIsOfferedOnlyUntilTheNextChange() {
        vm.selectedTechnologyProperty().set(technology("Video player"));
        vm.removeSelectedTechnology();

        technology("Course analytics").retentionProperty().set("26 months");
        vm.undo();

        assertThat(vm.undoTextProperty().get()).isNull();
        assertThat(vm.draft().technologies()).hasSize(3);

        vm.draft().honourGpcProperty().set(false);
        vm.discard();
        assertThat(vm.undoTextProperty().get()).isNotNull();
        vm.reload();
        assertThat(vm.undoTextProperty().get()).isNull();
        assertThat(vm.draft().isDirty()).isFalse();
    }

    @Test
    void saveSendsTheVersionEditedAndStartsAgainFromTheNewOne() {
        technology("Course analytics").retentionProperty().set("26 months");

        vm.save();

        assertThat(platform.tracking.ifMatchSent).containsExactly("\"v1\"");
        assertThat(platform.tracking.saved.getLast().technologies().get(1).retention()).isEqualTo("26 months");
        assertThat(vm.savedProperty().get().version()).isEqualTo(2);
        assertThat(vm.etag()).isEqualTo("\"v2\"");
        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Saved as version 2.");
        assertThat(vm.history().versions()).extracting(v -> v.version()).containsExactly(2L, 1L);
    }

    @Test
    void theConsolesOwnChecksStopTheSaveAndShowAtTheFields() {
        TechnologyDraft added = vm.addTechnology();
        added.partyProperty().set(TrackingParty.THIRD_PARTY);
        added.optOutUrlProperty().set("http://tracker.example/opt-out");

        vm.save();

        assertThat(platform.tracking.ifMatchSent).isEmpty();
        // a new technology starts as strictly necessary: as a third party's, it needs a justification too (R9)
        assertThat(added.errors()).containsOnlyKeys("name", "purpose", "retention", "provider", "optOutUrl",
                "necessityJustification");
        assertThat(added.errors().get("optOutUrl")).contains("https://");
        assertThat(vm.selectedTechnologyProperty().get()).isSameAs(added);
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.WARNING);
    }

    @Test
    void afterATriedSaveTheChecksFollowEveryEdit() {
        TechnologyDraft video = technology("Video player");
        video.providerProperty().set("");
        assertThat(video.errors()).isEmpty();

        vm.save();
        assertThat(video.errors()).containsOnlyKeys("provider");

        video.partyProperty().set(TrackingParty.FIRST_PARTY);
        assertThat(video.errors()).isEmpty();
        video.partyProperty().set(TrackingParty.THIRD_PARTY);
        video.providerProperty().set("StreamHall");
        assertThat(video.errors()).isEmpty();
    }

    @Test
    void platformErrorsLandOnTheFieldTheirPathNames() {
        technology("Campaign pixel").retentionProperty().set("90 days");
        platform.tracking.refuseNextSave = List.of(
                new FieldError("technologies[3].optOutUrl", "The opt-out page does not answer."),
                new FieldError("categories[0].enabled", "Strictly necessary is always on."),
                new FieldError("technologies[9].name", "Out of range."));

        vm.save();

        assertThat(technology("Campaign pixel").errors())
                .containsEntry("optOutUrl", "The opt-out page does not answer.");
        assertThat(vm.draft().generalErrors())
                .containsExactly("Strictly necessary is always on.", "Out of range.");
        assertThat(vm.selectedTechnologyProperty().get()).isSameAs(technology("Campaign pixel"));
        assertThat(vm.draft().isDirty()).isTrue();
    }

    @Test
    void aPlatformErrorGoesAwayWhenItsFieldIsEdited() {
        technology("Campaign pixel").retentionProperty().set("90 days");
        platform.tracking.refuseNextSave = List.of(
                new FieldError("technologies[3].optOutUrl", "The opt-out page does not answer."),
                new FieldError("technologies[3].purpose", "Too vague."));
        vm.save();

        technology("Campaign pixel").optOutUrlProperty().set("https://adreach.example/choices");

        assertThat(technology("Campaign pixel").errors()).containsOnlyKeys("purpose");
    }

    @Test
    void aConcurrentEditOfOtherFieldsIsMergedShownAndSavedOnTheirVersion() {
        platform.tracking.saveAsSomeoneElse(CS101, withoutTechnology(FakeTracking.typical(), "ads"));
        technology("Course analytics").retentionProperty().set("26 months");

        vm.save();

        assertThat(dialogs.asked).isEmpty();
        assertThat(platform.tracking.saved).isEmpty();
        assertThat(vm.savedProperty().get().version()).isEqualTo(2);
        assertThat(vm.draft().isDirty()).isTrue();
        assertThat(vm.draft().technologies()).extracting(t -> t.nameProperty().get())
                .containsExactly("Session cookie", "Course analytics", "Video player");
        assertThat(technology("Course analytics").retentionProperty().get()).isEqualTo("26 months");
        assertThat(vm.noticeProperty().get().text()).contains("Other Admin saved version 2", "Removed Campaign pixel.");

        vm.save();

        assertThat(platform.tracking.ifMatchSent).containsExactly("\"v1\"", "\"v2\"");
        TrackingSettingsRequest sent = platform.tracking.saved.getLast();
        assertThat(sent.technologies()).extracting(TrackingTechnologyDto::name)
                .containsExactly("Session cookie", "Course analytics", "Video player");
        assertThat(sent.technologies().get(1).retention()).isEqualTo("26 months");
        assertThat(vm.savedProperty().get().version()).isEqualTo(3);
        assertThat(vm.draft().isDirty()).isFalse();
    }

    @Test
    void aFieldBothChangedIsAskedAboutWithBothValuesInWordsAndTheChoiceIsKept() {
        platform.tracking.saveAsSomeoneElse(CS101, edited(FakeTracking.typical(), "analytics",
                TrackingKind.PIXEL, "25 months"));
        technology("Course analytics").retentionProperty().set("24 months");
        technology("Course analytics").kindProperty().set(TrackingKind.SCRIPT);
        technology("Video player").partyProperty().set(TrackingParty.FIRST_PARTY);
        dialogs.mergeChoices = null;

        vm.save();

        Conflict conflict = dialogs.conflicts.getFirst();
        assertThat(conflict.baseVersion()).isEqualTo(1);
        assertThat(conflict.theirs().version()).isEqualTo(2);
        assertThat(conflict.theirVersions()).extracting(v -> v.by()).containsExactly("Other Admin");
        assertThat(conflict.choices()).extracting(Conflict.Choice::what, Conflict.Choice::mine,
                Conflict.Choice::theirs).containsExactly(
                        tuple("Course analytics, kind", "Script", "Pixel"),
                        tuple("Course analytics, retention", "24 months", "25 months"));
        // closed without choosing: nothing merged, the edits as they were
        assertThat(vm.savedProperty().get().version()).isEqualTo(1);
        assertThat(vm.noticeProperty().get().text()).startsWith("Not saved");

        dialogs.mergeChoices = Map.of(conflict.choices().get(0).clash(), Side.MINE,
                conflict.choices().get(1).clash(), Side.THEIRS);
        vm.save();

        assertThat(platform.tracking.saved).isEmpty();
        assertThat(vm.savedProperty().get().version()).isEqualTo(2);
        assertThat(technology("Course analytics").retentionProperty().get()).isEqualTo("25 months");
        assertThat(technology("Course analytics").kindProperty().get()).isEqualTo(TrackingKind.SCRIPT);
        assertThat(technology("Video player").partyProperty().get()).isEqualTo(TrackingParty.FIRST_PARTY);
        vm.save();
        assertThat(platform.tracking.ifMatchSent).containsExactly("\"v1\"", "\"v1\"", "\"v2\"");
        assertThat(vm.savedProperty().get().version()).isEqualTo(3);
    }

    @Test
    void aTechnologyTheyRemovedWhileIChangedItIsAskedAboutAsAWhole() {
        platform.tracking.saveAsSomeoneElse(CS101, withoutTechnology(FakeTracking.typical(), "ads"));
        technology("Campaign pixel").retentionProperty().set("90 days");
        dialogs.mergeChoices = Map.of();

        vm.save();

        assertThat(dialogs.conflicts.getFirst().choices()).extracting(Conflict.Choice::what, Conflict.Choice::mine,
                Conflict.Choice::theirs).containsExactly(tuple("Campaign pixel", "Kept, with changes", "Removed"));
        // no choice given: the person's own side
        assertThat(technology("Campaign pixel").retentionProperty().get()).isEqualTo("90 days");
        assertThat(vm.draft().isDirty()).isTrue();
    }

    @Test
    void whenTheirVersionAlreadyHasMyChangeNothingIsLeftToSave() {
        platform.tracking.saveAsSomeoneElse(CS101, edited(FakeTracking.typical(), "analytics",
                TrackingKind.COOKIE, "26 months"));
        technology("Course analytics").retentionProperty().set("26 months");

        vm.save();

        assertThat(dialogs.asked).isEmpty();
        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(vm.savedProperty().get().version()).isEqualTo(2);
        assertThat(vm.noticeProperty().get().text()).contains("nothing is left to save");
    }

    @Test
    void leavingWithoutChangesDoesNotAsk() {
        List<String> went = new ArrayList<>();

        vm.leave(() -> went.add("away"));

        assertThat(went).containsExactly("away");
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void leavingWithChangesAsksAndCancelStays() {
        List<String> went = new ArrayList<>();
        vm.draft().honourGpcProperty().set(false);

        vm.leave(() -> went.add("away"));

        assertThat(dialogs.asked).containsExactly("leave");
        assertThat(went).isEmpty();
        assertThat(vm.draft().isDirty()).isTrue();
    }

    @Test
    void leavingWithChangesCanDiscardThem() {
        List<String> went = new ArrayList<>();
        vm.draft().honourGpcProperty().set(false);
        dialogs.leave = LeaveChoice.DISCARD;

        vm.leave(() -> went.add("away"));

        assertThat(went).containsExactly("away");
        assertThat(vm.draft().isDirty()).isFalse();
        assertThat(platform.tracking.saved).isEmpty();
    }

    @Test
    void leavingWithChangesCanSaveThemFirstAndOnlyThenLeaves() {
        List<String> went = new ArrayList<>();
        vm.draft().honourGpcProperty().set(false);
        dialogs.leave = LeaveChoice.SAVE;

        vm.leave(() -> went.add("away"));

        assertThat(platform.tracking.saved).hasSize(1);
        assertThat(went).containsExactly("away");

        vm.addTechnology();
        vm.leave(() -> went.add("again"));
        assertThat(went).containsExactly("away");
    }

    @Test
    void switchingCourseWithUnsavedChangesAsksFirst() {
        vm.draft().marketingProperty().set(false);
        var other = vm.courses().stream().filter(c -> c.id().equals(MA201)).findFirst().orElseThrow();

        vm.selectCourse(other);
        assertThat(vm.courseProperty().get().id()).isEqualTo(CS101);

        dialogs.leave = LeaveChoice.DISCARD;
        vm.selectCourse(other);
        assertThat(vm.courseProperty().get().id()).isEqualTo(MA201);
        assertThat(vm.draft().isDirty()).isFalse();
    }

    @Test
    void revertAsksThenMakesTheOldSettingsANewVersion() {
        technology("Course analytics").retentionProperty().set("26 months");
        vm.save();
        vm.history().selectedProperty().set(vm.history().versions().getLast());
        assertThat(vm.history().revertWould())
                .containsExactly("Course analytics, retention: 26 months \u2192 13 months");

        vm.revert(vm.history().selectedProperty().get());

        assertThat(dialogs.asked).containsExactly("revert 1");
        assertThat(platform.tracking.ifMatchSent).containsExactly("\"v1\"", "\"v2\"");
        assertThat(vm.savedProperty().get().version()).isEqualTo(3);
        assertThat(technology("Course analytics").retentionProperty().get()).isEqualTo("13 months");
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Version 1 restored as version 3.");
    }

    @Test
    void revertNotConfirmedChangesNothing() {
        vm.draft().honourGpcProperty().set(false);
        technology("Course analytics").retentionProperty().set("26 months");
        dialogs.revert = false;
        platform.tracking.saveAsSomeoneElse(CS101, FakeTracking.typical());
        vm.history().reload();

        vm.revert(vm.history().versions().getLast());

        assertThat(dialogs.asked).containsExactly("revert 1 discarding");
        assertThat(platform.tracking.ifMatchSent).isEmpty();
    }

    @Test
    void removingATechnologySelectsItsNeighbour() {
        vm.selectedTechnologyProperty().set(technology("Video player"));

        vm.removeSelectedTechnology();

        assertThat(vm.draft().technologies()).extracting(t -> t.nameProperty().get())
                .containsExactly("Session cookie", "Course analytics", "Campaign pixel");
        assertThat(vm.selectedTechnologyProperty().get().nameProperty().get()).isEqualTo("Campaign pixel");
        assertThat(vm.draft().isDirty()).isTrue();
    }

    @Test
    void aFailedLoadIsAnErrorStateThatRetries() {
        platform.failNext = new PlatformUnreachableException("down", null);
        vm.reload();
        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(vm.errorProperty().get().text()).isEqualTo("The platform cannot be reached.");

        vm.reload();
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
    }

    private static TrackingSettingsRequest edited(TrackingSettingsRequest r, String id, TrackingKind kind,
                                                  String retention) {
        List<TrackingTechnologyDto> list = r.technologies().stream().map(t -> !t.id().equals(id) ? t
                : new TrackingTechnologyDto(t.id(), t.name(), kind, t.party(), t.provider(), t.category(),
                        t.purpose(), t.sets(), retention, t.runsOn(), t.optOutUrl())).toList();
        return new TrackingSettingsRequest(r.honourGlobalPrivacyControl(), r.categories(), list);
    }

    private static TrackingSettingsRequest withoutTechnology(TrackingSettingsRequest r, String id) {
        List<TrackingTechnologyDto> rest = r.technologies().stream().filter(t -> !t.id().equals(id)).toList();
        return new TrackingSettingsRequest(r.honourGlobalPrivacyControl(), r.categories(), rest);
    }
}
