package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.FakeTracking;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** The preview's rule (R9), and the words it shows. */
class TrackingPreviewRulesTest {

    private static final TrackingSettingsRequest TYPICAL = FakeTracking.typical();

    private static List<String> applied(EffectiveTrackingDto e) {
        return e.applied().stream().map(TrackingTechnologyDto::id).toList();
    }

    private static List<String> withheld(EffectiveTrackingDto e) {
        return e.withheld().stream().map(w -> w.technology().id() + ":" + w.reason()).toList();
    }

    @Test
    void strictlyNecessaryAppliesWhateverTheLearnerChose() {
        EffectiveTrackingDto e = ConsentRules.effective(TYPICAL, false, false, false, true);

        assertThat(applied(e)).containsExactly("session");
        assertThat(withheld(e)).containsExactly("analytics:NOT_ALLOWED_BY_LEARNER", "video:NOT_ALLOWED_BY_LEARNER",
                "ads:GLOBAL_PRIVACY_CONTROL");
    }

    @Test
    void aCategoryTheCourseDoesNotUseIsWithheldEvenWhenAllowed() {
        TrackingSettingsRequest noMarketing = new TrackingSettingsRequest(true,
                FakeTracking.categories(true, true, false), TYPICAL.technologies());

        EffectiveTrackingDto e = ConsentRules.effective(noMarketing, true, true, true, true);

        assertThat(applied(e)).containsExactly("session", "analytics", "video");
        assertThat(withheld(e)).containsExactly("ads:CATEGORY_OFF_IN_COURSE");
    }

    @Test
    void globalPrivacyControlWithholdsMarketingOnlyWhenTheCourseHonoursIt() {
        assertThat(withheld(ConsentRules.effective(TYPICAL, true, true, true, true)))
                .containsExactly("ads:GLOBAL_PRIVACY_CONTROL");

        TrackingSettingsRequest ignoring = new TrackingSettingsRequest(false, TYPICAL.categories(),
                TYPICAL.technologies());
        assertThat(withheld(ConsentRules.effective(ignoring, true, true, true, true))).isEmpty();
        assertThat(withheld(ConsentRules.effective(ignoring, true, true, false, true)))
                .containsExactly("ads:NOT_ALLOWED_BY_LEARNER");
    }

    @Test
    void aLearnerWhoAllowsEverythingGetsEverythingTheCourseUses() {
        EffectiveTrackingDto e = ConsentRules.effective(TYPICAL, true, true, true, false);

        assertThat(applied(e)).containsExactly("session", "analytics", "video", "ads");
        assertThat(e.withheld()).isEmpty();
    }

    @Test
    void thePreviewFollowsTheDraftAndSaysWhyInWords() {
        TrackingDraft draft = new TrackingDraft(Messages.english());
        draft.load(TYPICAL);
        PreviewViewModel preview = new PreviewViewModel(draft, Messages.english());

        assertThat(preview.applied()).extracting(PreviewViewModel.Row::name)
                .containsExactly("Session cookie", "Course analytics", "Video player");
        assertThat(preview.withheld()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Campaign pixel");
            assertThat(r.reason()).isEqualTo("Their cookie settings do not allow marketing.");
        });

        preview.gpcProperty().set(true);
        assertThat(preview.withheld().getFirst().reason()).contains("Global Privacy Control");

        draft.performanceProperty().set(false);
        assertThat(preview.withheld()).extracting(PreviewViewModel.Row::reason)
                .contains("This course does not use performance and analytics.");
        assertThat(preview.applied()).extracting(PreviewViewModel.Row::name)
                .containsExactly("Session cookie", "Video player");
    }
}
