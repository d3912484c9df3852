package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.iqracity.console.platform.service.research.Coarsening.CountBands;
import org.iqracity.console.platform.service.research.Coarsening.Period;
import org.junit.jupiter.api.Test;

class CoarseningTest {

    @Test
    void yearsOfBirthFallIntoBandsAlignedToTheirWidth() {
        assertThat(Coarsening.yearBand(1987, 5)).isEqualTo("1985-1989");
        assertThat(Coarsening.yearBand(1985, 5)).isEqualTo("1985-1989");
        assertThat(Coarsening.yearBand(1989, 5)).isEqualTo("1985-1989");
        assertThat(Coarsening.yearBand(1990, 5)).isEqualTo("1990-1994");
        assertThat(Coarsening.yearBand(1987, 10)).isEqualTo("1980-1989");
        assertThat(Coarsening.yearBand(1987, 20)).isEqualTo("1980-1999");
        assertThat(Coarsening.yearBand(null, 5)).isEqualTo("unknown");
    }

    @Test
    void datesBecomeIsoWeeksMonthsQuartersOrYearsInUtc() {
        Instant t = Instant.parse("2026-02-03T23:30:00Z");
        assertThat(Coarsening.period(t, Period.WEEK)).isEqualTo("2026-W06");
        assertThat(Coarsening.period(t, Period.MONTH)).isEqualTo("2026-02");
        assertThat(Coarsening.period(t, Period.QUARTER)).isEqualTo("2026-Q1");
        assertThat(Coarsening.period(t, Period.YEAR)).isEqualTo("2026");
        assertThat(Coarsening.period(null, Period.WEEK)).isEmpty();
    }

    @Test
    void isoWeeksAtTheTurnOfTheYearBelongToTheirWeekBasedYear() {
        // 1 January 2027 is a Friday: it lies in the last ISO week of 2026, which has 53 weeks
        assertThat(Coarsening.period(Instant.parse("2027-01-01T12:00:00Z"), Period.WEEK)).isEqualTo("2026-W53");
        // 29 December 2025 is a Monday: the first ISO week of 2026 begins there
        assertThat(Coarsening.period(Instant.parse("2025-12-29T00:00:00Z"), Period.WEEK)).isEqualTo("2026-W01");
        assertThat(Coarsening.period(Instant.parse("2025-12-29T00:00:00Z"), Period.MONTH)).isEqualTo("2025-12");
    }

    @Test
    void codesOfGenderAndEducationBecomeWordsAndEducationGroups() {
        assertThat(Coarsening.gender("f")).isEqualTo("female");
        assertThat(Coarsening.gender("m")).isEqualTo("male");
        assertThat(Coarsening.gender("o")).isEqualTo("other");
        assertThat(Coarsening.gender("")).isEqualTo("unknown");
        assertThat(Coarsening.education("p")).isEqualTo("doctorate");
        assertThat(Coarsening.education("jhs")).isEqualTo("lower secondary");
        assertThat(Coarsening.education("something new")).isEqualTo("other");
        assertThat(Coarsening.educationGroup("p")).isEqualTo("postgraduate");
        assertThat(Coarsening.educationGroup("m")).isEqualTo("postgraduate");
        assertThat(Coarsening.educationGroup("a")).isEqualTo("undergraduate");
        assertThat(Coarsening.educationGroup("jhs")).isEqualTo("secondary");
        assertThat(Coarsening.educationGroup("none")).isEqualTo("primary or none");
        assertThat(Coarsening.educationGroup(null)).isEqualTo("unknown");
    }

    @Test
    void forumPostsBecomeBandsEachCoarserFormAUnionOfTheFinerBands() {
        int[] counts = {0, 1, 2, 4, 5, 9, 10, 250};
        String[] five = {"0", "1", "2-4", "2-4", "5-9", "5-9", "10+", "10+"};
        String[] three = {"0", "1-4", "1-4", "1-4", "5+", "5+", "5+", "5+"};
        for (int i = 0; i < counts.length; i++) {
            assertThat(Coarsening.countBand(counts[i], CountBands.FIVE)).isEqualTo(five[i]);
            assertThat(Coarsening.countBand(counts[i], CountBands.THREE)).isEqualTo(three[i]);
            assertThat(Coarsening.countBand(counts[i], CountBands.TWO)).isEqualTo(counts[i] == 0 ? "0" : "1+");
        }
    }

    @Test
    void sharesAreWrittenToTwoDecimals() {
        assertThat(Coarsening.share(0.456)).isEqualTo("0.46");
        assertThat(Coarsening.share(1.0)).isEqualTo("1.00");
        assertThat(Coarsening.share(0)).isEqualTo("0.00");
    }
}
