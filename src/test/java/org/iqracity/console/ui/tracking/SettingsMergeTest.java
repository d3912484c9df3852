package org.iqracity.console.ui.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.FakeTracking;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;
import org.junit.jupiter.api.Test;

class SettingsMergeTest {

    private final TrackingSettingsRequest base = FakeTracking.typical();

    @Test
    void changesToDifferentFieldsAreAllKeptWithoutAQuestion() {
        TrackingSettingsRequest mine = edit(base, "analytics", t -> retention(t, "26 months"));
        TrackingSettingsRequest theirs = switches(edit(base, "video", t -> provider(t, "StreamHall")), false, false);

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        assertThat(merge.clashes()).isEmpty();
        TrackingSettingsRequest merged = merge.settings(Map.of());
        assertThat(find(merged, "analytics").retention()).isEqualTo("26 months");
        assertThat(find(merged, "video").provider()).isEqualTo("StreamHall");
        assertThat(merged.honourGlobalPrivacyControl()).isFalse();
        assertThat(marketing(merged)).isFalse();
    }

    @Test
    void bothChangingTheSameFieldOfTheSameTechnologyDifferentlyIsOneFieldToChoose() {
        TrackingSettingsRequest mine = edit(base, "analytics", t -> provider(retention(t, "24 months"), "Mine Inc"));
        TrackingSettingsRequest theirs = edit(base, "analytics", t -> retention(t, "25 months"));

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        assertThat(merge.clashes()).containsExactly(
                new Clash("analytics", "Course analytics", "retention", "24 months", "25 months"));
        Clash clash = merge.clashes().getFirst();
        assertThat(find(merge.settings(Map.of(clash, Side.MINE)), "analytics").retention()).isEqualTo("24 months");
        TrackingTechnologyDto theirsChosen = find(merge.settings(Map.of(clash, Side.THEIRS)), "analytics");
        assertThat(theirsChosen.retention()).isEqualTo("25 months");
        // the field only one side changed is merged all the same
        assertThat(theirsChosen.provider()).isEqualTo("Mine Inc");
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        TrackingSettingsRequest both = switches(edit(base, "analytics", t -> retention(t, "26 months")), false, true);

        SettingsMerge merge = SettingsMerge.of(base, both, both);

        assertThat(merge.clashes()).isEmpty();
        assertThat(merge.settings(Map.of())).isEqualTo(both);
    }

    @Test
    void aTechnologyAddedOnOneSideAndAnotherRemovedOnTheOtherAreBothApplied() {
        List<TrackingTechnologyDto> added = new ArrayList<>(base.technologies());
        added.add(FakeTracking.technology(null, "Survey widget", TrackingCategory.FUNCTIONALITY,
                TrackingParty.THIRD_PARTY));
        TrackingSettingsRequest mine = with(base, added);
        TrackingSettingsRequest theirs = without(base, "ads");

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        assertThat(merge.clashes()).isEmpty();
        assertThat(merge.settings(Map.of()).technologies()).extracting(TrackingTechnologyDto::name)
                .containsExactly("Session cookie", "Course analytics", "Video player", "Survey widget");
    }

    @Test
    void whatTheyAddedIsMergedAfterMineAndWhatIRemovedStaysRemoved() {
        List<TrackingTechnologyDto> added = new ArrayList<>(base.technologies());
        added.add(FakeTracking.technology("chat", "Help chat", TrackingCategory.FUNCTIONALITY,
                TrackingParty.THIRD_PARTY));
        TrackingSettingsRequest theirs = with(base, added);
        TrackingSettingsRequest mine = without(base, "video");

        TrackingSettingsRequest merged = SettingsMerge.of(base, mine, theirs).settings(Map.of());

        assertThat(merged.technologies()).extracting(TrackingTechnologyDto::id)
                .containsExactly("session", "analytics", "ads", "chat");
    }

    @Test
    void aTechnologyTheyRemovedWhileIChangedItIsAQuestionAboutTheWholeTechnology() {
        TrackingSettingsRequest mine = edit(base, "ads", t -> retention(t, "90 days"));
        TrackingSettingsRequest theirs = without(base, "ads");

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        Clash clash = merge.clashes().getFirst();
        assertThat(merge.clashes()).hasSize(1);
        assertThat(clash.field()).isEqualTo(SettingsMerge.WHOLE);
        assertThat(clash.name()).isEqualTo("Campaign pixel");
        assertThat(clash.theirs()).isNull();
        assertThat(find(merge.settings(Map.of(clash, Side.MINE)), "ads").retention()).isEqualTo("90 days");
        assertThat(merge.settings(Map.of(clash, Side.THEIRS)).technologies()).extracting(TrackingTechnologyDto::id)
                .doesNotContain("ads");
    }

    @Test
    void aTechnologyIRemovedWhileTheyChangedItIsAQuestionToo() {
        TrackingSettingsRequest mine = without(base, "ads");
        TrackingSettingsRequest theirs = edit(base, "ads", t -> retention(t, "30 days"));

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        Clash clash = merge.clashes().getFirst();
        assertThat(clash.mine()).isNull();
        assertThat(merge.settings(Map.of(clash, Side.MINE)).technologies()).extracting(TrackingTechnologyDto::id)
                .doesNotContain("ads");
        assertThat(find(merge.settings(Map.of(clash, Side.THEIRS)), "ads").retention()).isEqualTo("30 days");
    }

    @Test
    void aTechnologyRemovedOnOneSideAndUntouchedOnTheOtherIsRemoved() {
        SettingsMerge mineRemoved = SettingsMerge.of(base, without(base, "video"),
                edit(base, "ads", t -> retention(t, "30 days")));
        SettingsMerge theirsRemoved = SettingsMerge.of(base, edit(base, "ads", t -> retention(t, "30 days")),
                without(base, "video"));

        assertThat(mineRemoved.clashes()).isEmpty();
        assertThat(theirsRemoved.clashes()).isEmpty();
        assertThat(mineRemoved.settings(Map.of())).isEqualTo(theirsRemoved.settings(Map.of()));
        assertThat(mineRemoved.settings(Map.of()).technologies()).extracting(TrackingTechnologyDto::id)
                .containsExactly("session", "analytics", "ads");
    }

    @Test
    void theSameTechnologyAddedOnBothSidesIsThereOnceWithTheIdThePlatformGaveIt() {
        TrackingTechnologyDto survey = FakeTracking.technology(null, "Survey widget", TrackingCategory.FUNCTIONALITY,
                TrackingParty.THIRD_PARTY);
        List<TrackingTechnologyDto> mineList = new ArrayList<>(base.technologies());
        mineList.add(survey);
        List<TrackingTechnologyDto> theirsList = new ArrayList<>(base.technologies());
        theirsList.add(new TrackingTechnologyDto("survey-1", survey.name(), survey.kind(), survey.party(),
                survey.provider(), survey.category(), survey.purpose(), survey.sets(), survey.retention(),
                survey.runsOn(), survey.optOutUrl()));

        SettingsMerge merge = SettingsMerge.of(base, with(base, mineList), with(base, theirsList));

        assertThat(merge.clashes()).isEmpty();
        assertThat(merge.settings(Map.of()).technologies()).extracting(TrackingTechnologyDto::id)
                .containsExactly("session", "analytics", "video", "ads", "survey-1");
    }

    @Test
    void whenOnlyTheyChangedAnythingTheResultIsTheirs() {
        TrackingSettingsRequest theirs = switches(edit(without(base, "ads"), "video", t -> retention(t, "1 day")),
                false, false);

        assertThat(SettingsMerge.of(base, base, theirs).settings(Map.of())).isEqualTo(theirs);
        assertThat(SettingsMerge.of(base, theirs, base).settings(Map.of())).isEqualTo(theirs);
    }

    @Test
    void aRenameOnOneSideNamesTheFieldThatClashesOnTheOther() {
        TrackingSettingsRequest mine = edit(base, "analytics", t -> retention(t, "24 months"));
        TrackingSettingsRequest theirs = edit(base, "analytics", t -> renamed(retention(t, "25 months"), "Stats"));

        SettingsMerge merge = SettingsMerge.of(base, mine, theirs);

        assertThat(merge.clashes()).extracting(Clash::name).containsExactly("Stats");
        assertThat(find(merge.settings(Map.of()), "analytics").name()).isEqualTo("Stats");
    }

    private static TrackingSettingsRequest edit(TrackingSettingsRequest r, String id,
                                                UnaryOperator<TrackingTechnologyDto> change) {
        return with(r, r.technologies().stream().map(t -> t.id().equals(id) ? change.apply(t) : t).toList());
    }

    private static TrackingSettingsRequest without(TrackingSettingsRequest r, String id) {
        return with(r, r.technologies().stream().filter(t -> !t.id().equals(id)).toList());
    }

    private static TrackingSettingsRequest with(TrackingSettingsRequest r, List<TrackingTechnologyDto> list) {
        return new TrackingSettingsRequest(r.honourGlobalPrivacyControl(), r.categories(), list);
    }

    private static TrackingSettingsRequest switches(TrackingSettingsRequest r, boolean gpc, boolean marketing) {
        return new TrackingSettingsRequest(gpc, FakeTracking.categories(true, true, marketing), r.technologies());
    }

    private static boolean marketing(TrackingSettingsRequest r) {
        return r.categories().stream().anyMatch(c -> c.category() == TrackingCategory.MARKETING && c.enabled());
    }

    private static TrackingTechnologyDto find(TrackingSettingsRequest r, String id) {
        return r.technologies().stream().filter(t -> id.equals(t.id())).findFirst().orElseThrow();
    }

    private static TrackingTechnologyDto retention(TrackingTechnologyDto t, String retention) {
        return new TrackingTechnologyDto(t.id(), t.name(), t.kind(), t.party(), t.provider(), t.category(),
                t.purpose(), t.sets(), retention, t.runsOn(), t.optOutUrl());
    }

    private static TrackingTechnologyDto provider(TrackingTechnologyDto t, String provider) {
        return new TrackingTechnologyDto(t.id(), t.name(), t.kind(), t.party(), provider, t.category(),
                t.purpose(), t.sets(), t.retention(), t.runsOn(), t.optOutUrl());
    }

    private static TrackingTechnologyDto renamed(TrackingTechnologyDto t, String name) {
        return new TrackingTechnologyDto(t.id(), name, t.kind(), t.party(), t.provider(), t.category(),
                t.purpose(), t.sets(), t.retention(), t.runsOn(), t.optOutUrl());
    }
}
