package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.iqracity.console.api.NecessityFlag;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R9 in the tracking editor: "strictly necessary" is questioned while it is typed, and flagged once accepted. */
class NecessityWarningTest {

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private TrackingViewModel vm;

    @BeforeEach
    void setUp() {
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        vm = new TrackingViewModel(app, platform.courses(), platform.tracking(), tasks, Messages.english(),
                new ScriptedDialogs());
        vm.load();
    }

    private TechnologyDraft cdn() {
        TechnologyDraft t = vm.addTechnology();
        t.nameProperty().set("Course files CDN");
        t.purposeProperty().set("Serves the course's scripts and fonts.");
        t.setsProperty().set("edge (.fastedge.example)");
        t.retentionProperty().set("Session");
        t.providerProperty().set("FastEdge CDN");
        return t;
    }

    @Test
    void r9AThirdPartyPutUnderStrictlyNecessaryIsWarnedAboutAndAskedWhy() {
        TechnologyDraft t = cdn();
        assertThat(t.necessityWarningProperty().get()).isNull();
        assertThat(t.justificationShownProperty().get()).isFalse();

        t.partyProperty().set(TrackingParty.THIRD_PARTY);

        assertThat(t.categoryProperty().get()).isEqualTo(TrackingCategory.STRICTLY_NECESSARY);
        assertThat(t.necessityWarningProperty().get()).contains("third party").contains("flagged");
        assertThat(t.justificationShownProperty().get()).isTrue();

        t.categoryProperty().set(TrackingCategory.FUNCTIONALITY);
        assertThat(t.necessityWarningProperty().get()).isNull();
        assertThat(t.justificationShownProperty().get()).isFalse();
    }

    @Test
    void r9SavingWithoutAJustificationIsStoppedAtThatField() {
        TechnologyDraft t = cdn();
        t.partyProperty().set(TrackingParty.THIRD_PARTY);

        vm.save();

        assertThat(t.errors()).containsOnlyKeys("necessityJustification");
        assertThat(platform.tracking.saved).isEmpty();

        t.necessityJustificationProperty().set("The course pages load their scripts from this CDN.");
        assertThat(t.errors()).isEmpty();
        vm.save();
        assertThat(platform.tracking.saved).hasSize(1);
        assertThat(platform.tracking.saved.getFirst().technologies().getLast().necessityJustification())
                .isEqualTo("The course pages load their scripts from this CDN.");
    }

    @Test
    void r9AdvertisingUnderStrictlyNecessaryIsRefusedAtTheCategory() {
        TechnologyDraft t = cdn();
        t.partyProperty().set(TrackingParty.THIRD_PARTY);
        t.providerProperty().set("AdNetwork");
        t.purposeProperty().set("Targeted ads");

        assertThat(t.necessityWarningProperty().get()).contains("advertising");
        vm.save();
        assertThat(t.errors()).containsKey("category");
        assertThat(platform.tracking.saved).isEmpty();
    }

    @Test
    void r9WordsThatOnlyContainAdRaiseNoWarning() {
        TechnologyDraft t = cdn();
        t.providerProperty().set("");
        t.purposeProperty().set("Reads headers so that downloads resume and the page loads.");
        assertThat(t.necessityWarningProperty().get()).isNull();
        assertThat(t.justificationShownProperty().get()).isFalse();
    }

    @Test
    void r9AnAcceptedThirdPartyIsFlaggedInThePreviewAndTheHistory() {
        TechnologyDraft t = cdn();
        t.partyProperty().set(TrackingParty.THIRD_PARTY);
        t.necessityJustificationProperty().set("The course pages load their scripts from this CDN.");

        vm.preview().analyticsProperty().set(false);
        vm.preview().functionalProperty().set(false);
        vm.preview().marketingProperty().set(false);
        vm.preview().gpcProperty().set(true);
        assertThat(vm.preview().applied()).filteredOn(r -> r.name().equals("Course files CDN")).singleElement()
                .satisfies(r -> assertThat(r.flag()).contains("third party"));
        assertThat(vm.preview().applied()).filteredOn(r -> r.name().equals("Session cookie")).singleElement()
                .satisfies(r -> assertThat(r.flag()).isNull());

        vm.save();

        var latest = vm.history().versions().getFirst();
        assertThat(latest.flagged()).extracting(f -> f.necessityFlag()).containsExactly(NecessityFlag.THIRD_PARTY);
        assertThat(vm.history().flagLines(latest)).singleElement().asString()
                .startsWith("Course files CDN: Flagged").contains("Justification: The course pages load");
    }

    @Test
    void r9AJustificationSurvivesReloadAndLeavesTheDraftClean() {
        TechnologyDraft t = cdn();
        t.partyProperty().set(TrackingParty.THIRD_PARTY);
        t.necessityJustificationProperty().set("The course pages load their scripts from this CDN.");
        vm.save();

        assertThat(vm.draft().isDirty()).isFalse();
        TechnologyDraft reloaded = vm.draft().technologies().getLast();
        assertThat(reloaded.necessityJustificationProperty().get()).startsWith("The course pages");
        assertThat(reloaded.justificationShownProperty().get()).isTrue();
    }
}
