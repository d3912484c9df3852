package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KAnonymityTest {
    private final Regions regions = Regions.m49();

    /** {@code n} records alike in every quasi-identifier. */
    private static List<LearnerRecord> alike(String prefix, int n, String country) {
        List<LearnerRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Populations.record(prefix + i, 1990, country, "f", "b", Populations.START));
        }
        return out;
    }

    @Test
    void dataAlreadyKAnonymousIsReleasedAtTheFinestStepWithNothingSuppressed() {
        List<LearnerRecord> records = new ArrayList<>(alike("a", 6, "US"));
        records.addAll(alike("b", 5, "KE"));
        KAnonymity.Result r = KAnonymity.apply(records, 5, regions);
        assertThat(r.level().index()).isZero();
        assertThat(r.suppressed()).isZero();
        assertThat(r.generalised()).isZero();
        assertThat(r.rows()).hasSize(11);
        assertThat(r.groups()).isEqualTo(2);
        assertThat(r.smallest()).isEqualTo(5);
        assertThat(r.rows().getFirst().qi()).isEqualTo(new QuasiIdentifiers("1990-1994", "US", "female", "bachelor",
                "2025-W47", "0"));
    }

    @Test
    void aFewOutliersAreSuppressedRatherThanCoarseningEveryone() {
        List<LearnerRecord> records = new ArrayList<>(alike("a", 100, "US"));
        records.add(Populations.record("z", 1931, "US", "o", "p", Populations.START.plus(Duration.ofDays(90))));
        KAnonymity.Result r = KAnonymity.apply(records, 5, regions);
        assertThat(r.level().index()).isZero();
        assertThat(r.suppressed()).isEqualTo(1);
        assertThat(r.rows()).extracting(row -> row.record().pseudonym()).doesNotContain("z");
    }

    @Test
    void whenTheFinestStepWouldSuppressTooManyACoarserStepIsUsedAndItsRowsCountAsGeneralised() {
        // forty learners, each enrolled in a week of their own but in the same month
        List<LearnerRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(Populations.record("p" + i, 1990, "US", "f", "b",
                    java.time.Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofDays(i % 4 * 7))));
        }
        records.add(Populations.record("q", 1990, "US", "f", "b", java.time.Instant.parse("2026-03-30T00:00:00Z")));
        KAnonymity.Result r = KAnonymity.apply(records, 15, regions);
        assertThat(r.attempts().getFirst().suppressed()).isEqualTo(41);
        assertThat(r.level().index()).isEqualTo(1);
        assertThat(r.suppressed()).isZero();
        assertThat(r.generalised()).isEqualTo(41);
        assertThat(r.rows()).allMatch(row -> row.qi().enrolled().equals("2026-03"));
    }

    @Test
    void aCourseSmallerThanKReleasesNothing() {
        KAnonymity.Result r = KAnonymity.apply(alike("a", 4, "US"), 5, regions);
        assertThat(r.rows()).isEmpty();
        assertThat(r.suppressed()).isEqualTo(4);
        assertThat(r.smallest()).isZero();
        assertThat(KAnonymity.apply(List.of(), 5, regions).rows()).isEmpty();
    }

    @Test
    void rowsComeOrderedByPseudonymAndTheSameDataGivesTheSameRelease() {
        List<LearnerRecord> records = Populations.random(7, 2_000);
        KAnonymity.Result a = KAnonymity.apply(records, 5, regions);
        List<LearnerRecord> reversed = new ArrayList<>(records.reversed());
        KAnonymity.Result b = KAnonymity.apply(reversed, 5, regions);
        assertThat(a.rows()).isSortedAccordingTo(java.util.Comparator.comparing(row -> row.record().pseudonym()));
        assertThat(b.rows()).isEqualTo(a.rows());
        assertThat(a.suppressed()).isLessThanOrEqualTo(2_000 * KAnonymity.MAX_SUPPRESSED_PERCENT / 100);
    }

    @Test
    void theStepUsedIsTheFirstWithinTheSuppressionBudget() {
        List<LearnerRecord> records = Populations.random(11, 3_000);
        KAnonymity.Result r = KAnonymity.apply(records, 10, regions);
        long budget = 3_000L * KAnonymity.MAX_SUPPRESSED_PERCENT / 100;
        assertThat(r.attempts().getLast().level()).isEqualTo(r.level());
        assertThat(r.attempts().getLast().suppressed()).isLessThanOrEqualTo(budget).isEqualTo(r.suppressed());
        assertThat(r.attempts().subList(0, r.attempts().size() - 1)).allMatch(a -> a.suppressed() > budget);
        Map<QuasiIdentifiers, Integer> groups = new HashMap<>();
        r.rows().forEach(row -> groups.merge(row.qi(), 1, Integer::sum));
        assertThat(groups.values()).allMatch(n -> n >= 10);
    }

    @Test
    void kBelowTwoIsAProgrammingError() {
        assertThatThrownBy(() -> KAnonymity.apply(List.of(), 1, regions)).isInstanceOf(IllegalArgumentException.class);
    }
}
