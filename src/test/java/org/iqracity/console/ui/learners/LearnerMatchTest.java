package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.junit.jupiter.api.Test;

class LearnerMatchTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final LearnerRowDto ZHANG = new LearnerRowDto("x1", "zchen88", "Zhang Chen",
            "zhang.chen88@example.org", "DE", Instant.parse("2026-01-02T00:00:00Z"), EnrollmentMode.VERIFIED, true,
            0.42, 0.71, true, Instant.parse("2026-11-30T00:00:00Z"), false, false);
    private static final LearnerRowDto GARCIA = new LearnerRowDto("x2", "mgarcia", "María García",
            "maria@example.org", "ES", Instant.parse("2026-01-02T00:00:00Z"), EnrollmentMode.AUDIT, false,
            0.1, 0.2, false, null, false, false);

    private static LearnerQuery search(String q) {
        return LearnerQuery.firstPage().withSearch(q);
    }

    @Test
    void aWordOfTheSearchStartsAnyWordOfTheNameUsernameOrEmailLocalPartInAnyCaseAndAccent() {
        assertThat(LearnerMatch.couldMatch(ZHANG, search("chen"), NOW)).isTrue();
        assertThat(LearnerMatch.couldMatch(GARCIA, search("garcia"), NOW)).isTrue();
        assertThat(LearnerMatch.couldMatch(GARCIA, search("mar gar"), NOW)).isTrue();
        assertThat(LearnerMatch.couldMatch(GARCIA, search("chen"), NOW)).isFalse();
        assertThat(LearnerMatch.couldMatch(ZHANG, search("example"), NOW)).as("not the email's domain").isFalse();
        assertThat(LearnerMatch.couldMatch(ZHANG, search("zhang.chen88@ex"), NOW)).as("the whole address").isTrue();
        assertThat(LearnerMatch.folded("Łukasz Lefèvre")).isEqualTo("lukasz lefevre");
    }

    @Test
    void everyFilterIsJudgedOnTheRow() {
        LearnerQuery.Filters none = LearnerQuery.Filters.NONE;
        assertThat(LearnerMatch.couldMatch(ZHANG, LearnerQuery.firstPage().withFilters(new LearnerQuery.Filters(
                EnrollmentMode.VERIFIED, true, true, List.of("de", "ke"), 0.4, 0.5, 0.7, 0.8, null)), NOW)).isTrue();
        assertThat(LearnerMatch.couldMatch(ZHANG, LearnerQuery.firstPage().withFilters(new LearnerQuery.Filters(
                null, null, null, List.of("KE"), null, null, null, null, null)), NOW)).isFalse();
        assertThat(LearnerMatch.couldMatch(ZHANG, LearnerQuery.firstPage().withFilters(new LearnerQuery.Filters(
                null, null, null, List.of(), null, null, 0.8, null, null)), NOW)).isFalse();
        assertThat(LearnerMatch.couldMatch(ZHANG, LearnerQuery.firstPage().withFilters(new LearnerQuery.Filters(
                null, null, null, List.of(), null, null, null, null, 30)), NOW)).as("active a week ago").isFalse();
        assertThat(LearnerMatch.couldMatch(GARCIA, LearnerQuery.firstPage().withFilters(new LearnerQuery.Filters(
                null, null, null, List.of(), null, null, null, null, 30)), NOW)).as("never active").isTrue();
        assertThat(LearnerMatch.couldMatch(ZHANG, LearnerQuery.firstPage().withFilters(none), NOW)).isTrue();
    }
}
