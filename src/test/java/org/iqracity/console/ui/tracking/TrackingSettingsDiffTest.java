package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
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
}
