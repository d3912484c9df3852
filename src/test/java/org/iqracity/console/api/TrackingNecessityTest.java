package org.iqracity.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R9: which words make "strictly necessary" unbelievable, matched as whole words, never inside other words. */
class TrackingNecessityTest {

    private static TrackingTechnologyDto necessary(TrackingParty party, String provider, String purpose) {
        return new TrackingTechnologyDto("t", "Helper", TrackingKind.SCRIPT, party, provider,
                TrackingCategory.STRICTLY_NECESSARY, purpose, List.of("x"), "Session",
                List.of(TrackingSurface.COURSE_PAGES), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Targeted ads", "ADVERTISING", "Shows an advertisement", "Behavioral advertising",
            "Retargeting visitors", "re-marketing? no: remarketing", "Spring campaign", "Affiliate sales",
            "Sends data to an ad network", "Counts ad-clicks", "Interest-based offers", "Marketing"})
    void r9ObviousAdvertisingIsRefusedAsNecessary(String purpose) {
        assertThat(TrackingNecessity.refused(necessary(TrackingParty.FIRST_PARTY, null, purpose))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Resumes downloads", "Reads request headers", "The page loads faster", "Adaptive video",
            "Reading position", "Thread safety", "An ad hoc readiness check", "Shadow copy", "Roadmap", "Adobe fonts",
            "Trademark notice", "Leads the learner to the next unit"})
    void r9WordsThatMerelyContainAdAreNotAdvertising(String purpose) {
        TrackingTechnologyDto t = necessary(TrackingParty.FIRST_PARTY, null, purpose);
        assertThat(TrackingNecessity.refused(t)).isFalse();
        assertThat(TrackingNecessity.flag(t)).isNull();
    }

    @Test
    void r9JoinedCapitalsInProviderOrNameAreSplitIntoWords() {
        assertThat(TrackingNecessity.advertising(necessary(TrackingParty.THIRD_PARTY, "AdNetwork", "Load balancing")))
                .contains(new TrackingNecessity.Match("ad", "provider"));
        assertThat(TrackingNecessity.advertising(necessary(TrackingParty.THIRD_PARTY, "GoogleAds", "Fonts")))
                .isPresent();
        assertThat(TrackingNecessity.advertising(necessary(TrackingParty.THIRD_PARTY, "Headstart CDN", "Fonts")))
                .isEmpty();
    }

    @Test
    void r9ThirdPartyOrMarketingLeaningNecessaryNeedsAJustificationAndIsFlagged() {
        TrackingTechnologyDto cdn = necessary(TrackingParty.THIRD_PARTY, "FastEdge CDN", "Serves course files");
        assertThat(TrackingNecessity.needsJustification(cdn)).isTrue();
        assertThat(TrackingNecessity.flag(cdn)).isEqualTo(NecessityFlag.UNJUSTIFIED);
        assertThat(TrackingNecessity.flag(cdn.withNecessityJustification("Pages cannot load without it.")))
                .isEqualTo(NecessityFlag.THIRD_PARTY);
        TrackingTechnologyDto promo = necessary(TrackingParty.FIRST_PARTY, null, "Promotional banner state");
        assertThat(TrackingNecessity.needsJustification(promo)).isTrue();
        assertThat(TrackingNecessity.flag(promo.withNecessityJustification("Keeps the fee waiver banner shut.")))
                .isEqualTo(NecessityFlag.MARKETING_WORDING);
        TrackingTechnologyDto session = necessary(TrackingParty.FIRST_PARTY, null, "Keeps the learner signed in");
        assertThat(TrackingNecessity.needsJustification(session)).isFalse();
        assertThat(TrackingNecessity.flag(session)).isNull();
        TrackingTechnologyDto analytics = new TrackingTechnologyDto("a", "Analytics", TrackingKind.SCRIPT,
                TrackingParty.THIRD_PARTY, "Metrica", TrackingCategory.MARKETING, "Targeted ads", List.of("x"), "1y",
                List.of(TrackingSurface.COURSE_PAGES), null);
        assertThat(TrackingNecessity.refused(analytics)).isFalse();
        assertThat(TrackingNecessity.flag(analytics)).isNull();
    }

    @Test
    void r9AJustificationIsShortPlainText() {
        assertThat(TrackingNecessity.justificationProblem(null)).isNull();
        assertThat(TrackingNecessity.justificationProblem("Pages cannot load without it.")).isNull();
        assertThat(TrackingNecessity.justificationProblem("x".repeat(1000))).isNull();
        assertThat(TrackingNecessity.justificationProblem("x".repeat(1001))).contains("1000");
        assertThat(TrackingNecessity.justificationProblem("n/a")).isNotNull();
        assertThat(TrackingNecessity.justificationProblem("Needed for\nthe pages")).isNotNull();
        assertThat(TrackingNecessity.justificationProblem("Needed for \u202Ethe pages")).isNotNull();
    }
}
