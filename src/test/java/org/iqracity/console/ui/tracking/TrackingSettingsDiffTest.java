package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.FakeTracking;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.Test;

class TrackingSettingsDiffTest {

    private final SettingsDiff diff = new SettingsDiff(Messages.english());

    @Test
    void sameSettingsHaveNoDifferences() {
        assertThat(diff.describe(FakeTracking.typical(), FakeTracking.typical())).isEmpty();
    }

    @Test
    void switchesAndTechnologiesAreDescribedInWords() {
        TrackingSettingsRequest before = FakeTracking.typical();
        List<TrackingTechnologyDto> list = new ArrayList<>(before.technologies());
        list.removeIf(t -> t.id().equals("ads"));
        TrackingTechnologyDto video = list.get(2);
        list.set(2, new TrackingTechnologyDto(video.id(), video.name(), video.kind(), video.party(), "StreamHall",
                video.category(), video.purpose(), video.sets(), "6 months", video.runsOn(), video.optOutUrl()));
        list.add(FakeTracking.technology(null, "Survey widget", TrackingCategory.FUNCTIONALITY,
                TrackingParty.THIRD_PARTY));
        TrackingSettingsRequest after = new TrackingSettingsRequest(false, FakeTracking.categories(true, true, false),
                list);

        assertThat(diff.describe(before, after)).containsExactly(
                "Global Privacy Control is no longer honoured as a marketing opt-out.",
                "Marketing switched off.",
                "Changed Video player: provider, retention.",
                "Added Survey widget.",
                "Removed Campaign pixel.");
    }

    @Test
    void eachChangedFieldCanBeShownWithItsOldAndNewValueAsTheFormWordsIt() {
        TrackingSettingsRequest before = FakeTracking.typical();
        List<TrackingTechnologyDto> list = new ArrayList<>(before.technologies());
        TrackingTechnologyDto video = list.get(2);
        list.set(2, new TrackingTechnologyDto(video.id(), video.name(), TrackingKind.SCRIPT, TrackingParty.FIRST_PARTY,
                null, video.category(), video.purpose(), List.of("player.js", "player_volume"), "6 months",
                List.of(TrackingSurface.COURSE_PAGES, TrackingSurface.COURSE_EMAILS), video.optOutUrl()));
        list.removeIf(t -> t.id().equals("ads"));
        TrackingSettingsRequest after = new TrackingSettingsRequest(true, FakeTracking.categories(true, false, true),
                list);

        assertThat(diff.describeValues(before, after)).containsExactly(
                "Functionality switched off.",
                "Video player, kind: Cookie \u2192 Script",
                "Video player, party: Third party \u2192 First party",
                "Video player, provider: Provider of Video player \u2192 (none)",
                "Video player, what it sets: video_cookie \u2192 player.js, player_volume",
                "Video player, retention: 13 months \u2192 6 months",
                "Video player, runs on: Course pages \u2192 Course pages, Course emails",
                "Removed Campaign pixel.");
    }
}
