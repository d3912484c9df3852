package org.iqracity.console.platform.service.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.platform.store.InsightsRepository.Counts;
import org.iqracity.console.platform.store.InsightsRepository.DayMode;
import org.iqracity.console.platform.store.InsightsRepository.Performance;
import org.iqracity.console.platform.store.InsightsRepository.Profile;
import org.iqracity.console.platform.store.InsightsRepository.WeekSpan;
import org.junit.jupiter.api.Test;

class InsightsAssemblerTest {
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    /** Weeks as the repository numbers them: weeks since Monday 1970-01-05. */
    private static long week(String monday) {
        return Math.floorDiv(day(monday) - 4, 7);
    }

    private static CourseInsightsDto assemble(long learners) {
        return InsightsAssembler.assemble("c", "Course", AT, new Counts(
                List.of(new DayMode(day("2026-01-14"), "AUDIT", learners)),
                List.of(new WeekSpan(week("2026-01-12"), week("2026-01-26"), learners)),
                List.of(new Performance(3, 2, 1, learners)),
                List.of(new Profile("KE", "b", learners))));
    }

    @Test
    void fewerThanFiveLearnersWithholdTheWholeCourse() {
        CourseInsightsDto dto = assemble(4);
        assertThat(dto.suppressed()).isTrue();
        assertThat(dto.enrolled()).isEqualTo(InsightCell.hidden("enrolled"));
        assertThat(dto.progress()).isEmpty();
        assertThat(dto.activeByWeek()).isEmpty();
        assertThat(dto.countries()).isEmpty();
    }

    @Test
    void aCourseWithoutLearnersShowsZerosNotSuppression() {
        CourseInsightsDto dto = InsightsAssembler.assemble("c", "Course", AT,
                new Counts(List.of(), List.of(), List.of(), List.of()));
        assertThat(dto.suppressed()).isFalse();
        assertThat(dto.enrolled().count()).isZero();
        assertThat(dto.funnel()).allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(dto.enrollmentsByMonth()).isEmpty();
    }

    @Test
    void activeLearnersCountInEveryWeekTheirSpanCovers() {
        CourseInsightsDto dto = InsightsAssembler.assemble("c", "Course", AT, new Counts(
                List.of(new DayMode(day("2026-01-14"), "AUDIT", 30), new DayMode(day("2026-02-03"), "VERIFIED", 20)),
                List.of(new WeekSpan(week("2026-01-12"), week("2026-01-26"), 30),
                        new WeekSpan(week("2026-02-02"), week("2026-02-09"), 20)),
                List.of(new Performance(5, 6, 4, 50)), List.of(new Profile(null, null, 50))));
        assertThat(dto.activeByWeek()).containsExactly(InsightCell.of("2026-01-12", 30),
                InsightCell.of("2026-01-19", 30), InsightCell.of("2026-01-26", 30), InsightCell.of("2026-02-02", 20),
                InsightCell.of("2026-02-09", 20));
        assertThat(dto.enrollmentsByMonth()).hasSize(2);
        assertThat(dto.enrollmentsByMonth().getFirst().name()).isEqualTo("AUDIT");
        assertThat(dto.enrollmentsByMonth().getFirst().cells()).containsExactly(InsightCell.of("2026-01", 30),
                InsightCell.of("2026-02", 0));
        assertThat(dto.countries()).containsExactly(InsightCell.of(CourseInsightsDto.NOT_STATED, 50));
    }

    @Test
    void aWeekWithFewerThanFiveActiveLearnersIsSuppressed() {
        CourseInsightsDto dto = InsightsAssembler.assemble("c", "Course", AT, new Counts(
                List.of(new DayMode(day("2026-01-14"), "AUDIT", 40)),
                List.of(new WeekSpan(week("2026-01-12"), week("2026-01-12"), 37),
                        new WeekSpan(week("2026-01-12"), week("2026-01-19"), 3)),
                List.of(new Performance(5, 6, 4, 40)), List.of(new Profile("KE", "b", 40))));
        assertThat(dto.activeByWeek()).containsExactly(InsightCell.of("2026-01-12", 40),
                InsightCell.hidden("2026-01-19"));
    }

    @Test
    void countriesAreInCodeOrderSoAHiddenCellsPlaceTellsNothing() {
        CourseInsightsDto dto = InsightsAssembler.assemble("c", "Course", AT, new Counts(
                List.of(new DayMode(day("2026-01-14"), "AUDIT", 60)), List.of(),
                List.of(new Performance(5, 6, 4, 60)),
                List.of(new Profile("US", "b", 40), new Profile("KE", "m", 17), new Profile("IS", "p", 3))));
        assertThat(dto.countries()).extracting(InsightCell::key)
                .containsExactly("IS", "KE", "US", CourseInsightsDto.NOT_STATED);
        assertThat(dto.countries().get(0).suppressed()).isTrue();
        assertThat(dto.countries().get(1).suppressed()).isTrue();
        assertThat(dto.education()).extracting(InsightCell::key).containsExactly("p", "m", "b", "a", "hs", "jhs",
                "el", "none", "other", CourseInsightsDto.NOT_STATED);
    }
}
