package org.iqracity.console.roster.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.iqracity.console.roster.TestRosters;
import org.junit.jupiter.api.Test;

/** Search, filters and sort over generated rows, checked against the obvious (slow) answer. */
class RosterQueryTest {

    private static final List<List<String>> ROWS = new ArrayList<>();
    private static final OfflineRoster ROSTER;

    static {
        ROWS.addAll(TestRosters.rows("course-v1:NB+CS101+2026", 6_000));
        ROWS.addAll(TestRosters.rows("course-v1:NB+MA201+2026", 4_000));
        ROSTER = OfflineRoster.of(TestRosters.FIELDS, ROWS);
    }

    private static List<Integer> expected(IntPredicate keep) {
        return IntStream.range(0, ROWS.size()).filter(keep).boxed().toList();
    }

    private static List<Integer> run(RosterQuery q) {
        return IntStream.of(q.run(ROSTER, () -> false)).boxed().toList();
    }

    @Test
    void holdsEveryValueAsRead() {
        assertThat(ROSTER.rowCount()).isEqualTo(10_000);
        for (int i = 0; i < ROWS.size(); i += 997) {
            assertThat(ROSTER.row(i)).isEqualTo(ROWS.get(i));
        }
    }

    @Test
    void searchMatchesUsernameEmailPrefixAndAnyWordOfTheNameIgnoringCase() {
        assertThat(run(new RosterQuery("USER0001", Map.of(), -1, false)))
                .isEqualTo(expected(i -> ROWS.get(i).get(1).startsWith("user0001")));
        assertThat(run(new RosterQuery("silv", Map.of(), -1, false))).isNotEmpty()
                .isEqualTo(expected(i -> ROWS.get(i).get(2).endsWith(" Silva")));
        assertThat(run(new RosterQuery("greta.1", Map.of(), -1, false))).isNotEmpty()
                .isEqualTo(expected(i -> ROWS.get(i).get(3).startsWith("greta.1")));
        assertThat(run(new RosterQuery("example", Map.of(), -1, false))).isEmpty();
    }

    /**
     * The search reads the stored bytes and decodes a row only when a non-ASCII letter could change the answer; the
     * result must be the one the decoded text gives (String.regionMatches ignoring case, any word of the name).
     */
    @Test
    void searchOnStoredBytesAgreesWithTheDecodedTextBeyondAscii() {
        List<List<String>> rows = new ArrayList<>();
        String[][] people = {
                {"lukasz.n", "Łukasz Nowak", "lukasz@example.org"},
                {"nguyen.van", "Nguyễn Văn An", "nguyen@example.org"},
                {"emile", "ÉMILE Zola", "EMILE.Z@EXAMPLE.ORG"},
                {"kelvin", "\u212Aelvin Ångström", "k@example.org"},
                {"sigma", "ΣΟΦΙΑ Παππά", "sofia@example.org"},
                {"long.s", "\u017Fusan Smith", "s@example.org"},
                {"plain", "Anna Maria  Berg", "anna@example.org"},
                {"short", "A", ""}};
        for (int i = 0; i < 400; i++) {
            String[] p = people[i % people.length];
            rows.add(List.of("course-v1:NB+X+2026", p[0] + i, p[1], p[2], "0.5", "true", "false"));
        }
        OfflineRoster roster = OfflineRoster.of(TestRosters.FIELDS, rows);
        for (String search : List.of("łuk", "ŁUK", "ngu", "văn", "van", "an", "émi", "emi", "EMILE.", "kel", "\u212Ael",
                "ång", "ang", "σοφ", "παπ", "sus", "su", "smi", "maria", "berg", "a", "A", "x", "nguyen.van1")) {
            RosterQuery q = new RosterQuery(search, Map.of(), -1, false);
            String lower = q.search();
            List<Integer> expected = IntStream.range(0, rows.size()).filter(i -> {
                List<String> r = rows.get(i);
                return startsIgnoringCase(r.get(1), lower) || startsIgnoringCase(r.get(3), lower)
                        || Arrays.stream(r.get(2).split(" ", -1)).anyMatch(w -> startsIgnoringCase(w, lower));
            }).boxed().toList();
            assertThat(IntStream.of(q.run(roster, () -> false)).boxed().toList()).as(search).isEqualTo(expected);
        }
    }

    private static boolean startsIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Test
    void filtersKeepOnlyRowsWithThoseValues() {
        Map<Integer, String> filters = Map.of(0, "course-v1:NB+MA201+2026", 5, "true", 6, "false");
        assertThat(run(new RosterQuery("", filters, -1, false))).isEqualTo(expected(i ->
                ROWS.get(i).get(0).equals("course-v1:NB+MA201+2026") && ROWS.get(i).get(5).equals("true")
                        && ROWS.get(i).get(6).equals("false")));
    }

    @Test
    void sortsTextIgnoringCaseAndNumbersAsNumbersStablyBothWays() {
        Comparator<Integer> byName = Comparator.comparing(i -> ROWS.get(i).get(2).toLowerCase(Locale.ROOT));
        assertThat(run(new RosterQuery("", Map.of(), 2, false)))
                .isEqualTo(expected(i -> true).stream().sorted(byName.thenComparing(i -> i)).toList());
        Comparator<Integer> byProgress = Comparator.comparingDouble(i -> Double.parseDouble(ROWS.get(i).get(4)));
        assertThat(run(new RosterQuery("", Map.of(), 4, true)))
                .isEqualTo(expected(i -> true).stream().sorted(byProgress.thenComparing(i -> i).reversed()).toList());
    }

    @Test
    void aColumnSortedOnceIsSortedAgainFromItsKeptOrderWithTheSameAnswer() {
        OfflineRoster fresh = OfflineRoster.of(TestRosters.FIELDS, ROWS);
        Comparator<Integer> byName = Comparator.comparing(i -> ROWS.get(i).get(2).toLowerCase(Locale.ROOT));
        List<Integer> ascending = expected(i -> true).stream().sorted(byName.thenComparing(i -> i)).toList();
        List<Integer> narrow = expected(i -> ROWS.get(i).get(2).startsWith("Hugo")).stream()
                .sorted(byName.thenComparing(i -> i).reversed()).toList();
        RosterQuery narrowQuery = new RosterQuery("hugo", Map.of(), 2, true);

        assertThat(IntStream.of(narrowQuery.run(fresh, () -> false)).boxed().toList()).as("before any full sort")
                .isEqualTo(narrow);
        assertThat(fresh.order(2)).as("a narrow search sorts its own rows").isNull();
        assertThat(IntStream.of(new RosterQuery("", Map.of(), 2, false).run(fresh, () -> false)).boxed().toList())
                .isEqualTo(ascending);
        assertThat(fresh.order(2)).as("kept for the next sort").isNotNull();
        assertThat(IntStream.of(new RosterQuery("", Map.of(), 2, true).run(fresh, () -> false)).boxed().toList())
                .isEqualTo(ascending.stream().sorted(byName.thenComparing(i -> i).reversed()).toList());
        assertThat(IntStream.of(narrowQuery.run(fresh, () -> false)).boxed().toList()).as("from the kept order")
                .isEqualTo(narrow);
        Comparator<Integer> byProgress = Comparator.comparingDouble(i -> Double.parseDouble(ROWS.get(i).get(4)));
        RosterQuery course = new RosterQuery("", Map.of(0, "course-v1:NB+MA201+2026"), 4, false);
        List<Integer> inCourse = expected(i -> ROWS.get(i).get(0).equals("course-v1:NB+MA201+2026")).stream()
                .sorted(byProgress.thenComparing(i -> i)).toList();
        assertThat(IntStream.of(course.run(fresh, () -> false)).boxed().toList()).isEqualTo(inCourse);
        assertThat(IntStream.of(course.run(fresh, () -> false)).boxed().toList()).isEqualTo(inCourse);
    }

    @Test
    void searchFilterAndSortCombine() {
        Comparator<Integer> byEmail = Comparator.comparing(i -> ROWS.get(i).get(3));
        assertThat(run(new RosterQuery("hugo", Map.of(0, "course-v1:NB+CS101+2026"), 3, false))).isNotEmpty()
                .isEqualTo(expected(i -> ROWS.get(i).get(0).equals("course-v1:NB+CS101+2026")
                        && ROWS.get(i).get(2).startsWith("Hugo")).stream().sorted(byEmail.thenComparing(i -> i))
                        .toList());
    }

    @Test
    void aSupersededQueryStopsInsteadOfFinishing() {
        int[] asked = {0};
        assertThatThrownBy(() -> new RosterQuery("user", Map.of(), 2, false).run(ROSTER, () -> ++asked[0] > 1))
                .isInstanceOf(CancellationException.class);
        assertThat(asked[0]).isEqualTo(2);
    }

    @Test
    void halfAMillionRowsAreSearchedAndSortedQuickly() {
        List<List<String>> many = TestRosters.rows("course-v1:NB+BIG+2026", 500_000);
        OfflineRoster big = OfflineRoster.of(TestRosters.FIELDS, many);
        long started = System.nanoTime();
        int[] found = new RosterQuery("am", Map.of(), 2, true).run(big, () -> false);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(found).isNotEmpty();
        assertThat(millis).as("search and sort of 500,000 rows, ms").isLessThan(10_000);
    }
}
