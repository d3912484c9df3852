package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
                    Instant.parse("2026-03-02T00:00:00Z").plus(Duration.ofDays(i % 4 * 7))));
        }
        records.add(Populations.record("q", 1990, "US", "f", "b", Instant.parse("2026-03-30T00:00:00Z")));
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
        assertThat(a.rows()).isSortedAccordingTo(Comparator.comparing(row -> row.record().pseudonym()));
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

    /** A Member whose export 1 showed each of these groups of learners alike, and the groups apart. */
    private static MemberHistory shownBefore(List<List<LearnerRecord>> groups) {
        MemberHistory member = new MemberHistory();
        List<LearnerRecord> all = groups.stream().flatMap(List::stream).toList();
        JoinHistory none = member.before(all);
        List<KAnonymity.Row> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (LearnerRecord r : groups.get(g)) {
                rows.add(new KAnonymity.Row(r, new QuasiIdentifiers("g" + g, "", "", "", "", "")));
            }
        }
        member.record(none, new KAnonymity.Result(5, Ladder.LEVELS.getFirst(), rows, 0, 0, 0, List.of(), 0, 0));
        return member;
    }

    @Test
    void r11LearnersAlikeHereButShownApartByAnEarlierStableKeyExportAreGroupedApart() {
        List<LearnerRecord> six = alike("a", 6, "US");
        List<LearnerRecord> four = alike("b", 4, "US");
        List<LearnerRecord> course = new ArrayList<>(six);
        course.addAll(four);
        course.addAll(alike("c", 90, "KE"));
        assertThat(KAnonymity.apply(course, 5, regions).suppressed()).as("alone, ten alike").isZero();

        KAnonymity.Result r = KAnonymity.apply(course, 5, regions,
                shownBefore(List.of(six, four)).before(course));
        assertThat(r.rows()).extracting(row -> row.record().pseudonym()).doesNotContain("b0", "b1", "b2", "b3")
                .contains("a0", "c0");
        assertThat(r.suppressed()).isEqualTo(4);
        assertThat(r.suppressedForJoins()).isEqualTo(4);
        assertThat(r.joinsLeaveOutTooMany()).isFalse();
    }

    @Test
    void r11ShowingMostOfAnEarlierGroupWouldSingleOutTheFewLeftOutSoThoseShownAreLeftOutToo() {
        List<LearnerRecord> earlier = alike("a", 8, "US");
        // the course has six of the eight: showing them would tell the other two apart, as the ones not in it
        List<LearnerRecord> course = new ArrayList<>(earlier.subList(0, 6));
        course.addAll(alike("c", 200, "KE"));
        MemberHistory member = shownBefore(List.of(earlier));
        JoinHistory history = member.before(course);
        assertThat(history.of("a6")).as("not in this course").isNull();

        KAnonymity.Result r = KAnonymity.apply(course, 5, regions, history);
        assertThat(r.rows()).extracting(row -> row.record().pseudonym()).noneMatch(p -> p.startsWith("a"));
        assertThat(r.suppressedForJoins()).isEqualTo(6);
        assertThat(r.joinsLeaveOutTooMany()).isFalse();

        // with five of the eight in a smaller course the same rule leaves out too much to release
        List<LearnerRecord> small = new ArrayList<>(earlier.subList(0, 5));
        small.addAll(alike("d", 60, "KE"));
        KAnonymity.Result refused = KAnonymity.apply(small, 5, regions, member.before(small));
        assertThat(refused.suppressed()).isEqualTo(5);
        assertThat(refused.joinsLeaveOutTooMany()).isTrue();
    }

    @Test
    void r11AnExportOfLearnersNoEarlierExportShowedIsMadeAsWithoutAHistory() {
        List<LearnerRecord> records = Populations.random(13, 1_000);
        JoinHistory unrelated = shownBefore(List.of(alike("zz", 5, "US"))).before(records);
        assertThat(KAnonymity.apply(records, 5, regions, unrelated)).isEqualTo(KAnonymity.apply(records, 5, regions));
    }

    @Test
    void kBelowTwoIsAProgrammingError() {
        assertThatThrownBy(() -> KAnonymity.apply(List.of(), 1, regions)).isInstanceOf(IllegalArgumentException.class);
    }
}
