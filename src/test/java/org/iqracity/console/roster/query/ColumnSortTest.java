package org.iqracity.console.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The primitive sort against the comparator it replaced, on random values: text lower-cased with
 * {@code toLowerCase(Locale.ROOT)} and compared by UTF-16 unit, numbers by {@link Double#compare} with empty and
 * unreadable values first, ties by row, and descending as that comparator reversed.
 */
class ColumnSortTest {
    /** Pieces whose case folding or order is easy to get wrong, and shared beginnings that need several slices. */
    private static final List<String> TEXT = List.of("", "a", "A", "b", "Z", "z", " ", "-", ".", "@", "0", "9", "é",
            "É", "e\u0301", "İ", "ı", "I", "i", "Σ", "σ", "ς", "ß", "ẞ", "\u212A", "k", "K", "Ω", "\uD83D\uDE00",
            "\uFF5A", "\u00FF", "\u0178", "Łukasz ", "Nguyễn ", "muhammad.abdullah", "2026-01-15T09:", "retired_user_");
    private static final List<String> NUMBERS = List.of("", "0", "-0", "0.0", "-0.0", "1", "1.0", "0.5", ".5", "5.",
            "-1.25", "0.001", "1.0E-4", "1e3", "NaN", "Infinity", "-Infinity", " 7 ", "abc", "-", ".", "1d", "0x1p4",
            "123456789012345", "1234567890123456789", "0.1234567890123456789", "99.99", "100", "007", "+3", "--1");

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> value = Arbitraries.of(TEXT).list().ofMaxSize(6).map(p -> String.join("", p));
        return value.list().ofMaxSize(400);
    }

    @Provide
    Arbitrary<List<String>> numbers() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).map(Object::toString)),
                Tuple.of(2, Arbitraries.integers().between(-5, 2030).map(Object::toString)),
                Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble).map(Object::toString)));
        return value.list().ofMaxSize(400);
    }

    @Property(tries = 400)
    void textSortsAsLowerCasedStringsTiesByRow(@ForAll("texts") List<String> values,
                                               @ForAll @IntRange(max = 7) int everyNth) {
        assertSortsLikeTheComparator(values, false, everyNth);
    }

    @Property(tries = 400)
    void numbersSortAsDoublesWithEmptyAndUnreadableFirstTiesByRow(@ForAll("numbers") List<String> values,
                                                                  @ForAll @IntRange(max = 7) int everyNth) {
        assertSortsLikeTheComparator(values, true, everyNth);
    }

    /**
     * Through the query as the screen runs it: all rows, then a filter keeping some (sorted from the kept order),
     * and a fresh roster whose first sort is of the filtered rows, both directions each.
     */
    @Property(tries = 150)
    void theQuerySortsFilteredRowsBothWaysWithOrWithoutAKeptOrder(@ForAll("texts") List<String> names,
                                                                  @ForAll("numbers") List<String> numbers) {
        int n = Math.min(names.size(), numbers.size());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of(i % 9 == 0 ? "course-b" : "course-a", names.get(i), numbers.get(i)));
        }
        List<String> header = List.of("course_id", "name", "progress");
        for (int column : new int[] {1, 2}) {
            OfflineRoster kept = OfflineRoster.of(header, rows);
            for (boolean descending : new boolean[] {false, true}) {
                for (Map<Integer, String> filter : List.of(Map.<Integer, String>of(), Map.of(0, "course-b"))) {
                    List<Integer> wanted = IntStream.range(0, n)
                            .filter(i -> filter.isEmpty() || rows.get(i).get(0).equals(filter.get(0))).boxed()
                            .toList();
                    Comparator<Integer> order = comparator(rows.stream().map(r -> r.get(column)).toList(),
                            column == 2);
                    List<Integer> expected = wanted.stream().sorted(descending ? order.reversed() : order).toList();
                    RosterQuery q = new RosterQuery("", filter, column, descending);
                    assertThat(IntStream.of(q.run(kept, () -> false)).boxed().toList()).isEqualTo(expected);
                    assertThat(IntStream.of(q.run(OfflineRoster.of(header, rows), () -> false)).boxed().toList())
                            .as("a fresh roster's first sort").isEqualTo(expected);
                }
            }
        }
    }

    /**
     * Enough rows that the row's place takes 18 bits and slices fewer, with long shared beginnings: the ties are
     * sorted again over several levels, by rows in place order while many are left and one by one after.
     */
    @Test
    void aHundredThousandRowsAndMoreSortLikeTheComparator() {
        SplittableRandom random = new SplittableRandom(20260307);
        List<String> texts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int pieces = random.nextInt(7); pieces > 0; pieces--) {
                text.append(TEXT.get(random.nextInt(TEXT.size())));
            }
            texts.add(random.nextInt(10) == 0 ? text.toString() : "muhammad.abdullah" + text + random.nextInt(50));
            numbers.add(random.nextInt(4) == 0 ? NUMBERS.get(random.nextInt(NUMBERS.size()))
                    : Double.toString(random.nextInt(1001) / 1000.0));
        }
        assertSortsLikeTheComparator(texts, false, 0);
        assertSortsLikeTheComparator(texts, false, 2);
        assertSortsLikeTheComparator(numbers, true, 0);
    }

    private static void assertSortsLikeTheComparator(List<String> values, boolean numeric, int everyNth) {
        TextColumn column = new TextColumn();
        values.forEach(column::add);
        int[] rows = everyNth == 0 ? null
                : IntStream.range(0, values.size()).filter(i -> i % (everyNth + 1) != 1).toArray();
        List<Integer> expected = (rows == null ? IntStream.range(0, values.size()) : IntStream.of(rows)).boxed()
                .sorted(comparator(values, numeric)).toList();
        int[] sorted = ColumnSort.ascending(column, numeric, rows, () -> false);
        assertThat(IntStream.of(sorted).boxed().toList()).isEqualTo(expected);
    }

    /** The sort as it was before: a comparator over the rows' keys, ties by row. */
    static Comparator<Integer> comparator(List<String> values, boolean numeric) {
        double[] numbers = numeric ? values.stream().mapToDouble(ColumnSortTest::number).toArray() : null;
        List<String> lower = numeric ? null : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        Comparator<Integer> byKey = numeric ? Comparator.comparingDouble(i -> numbers[i])
                : Comparator.comparing(lower::get);
        return byKey.thenComparing(Comparator.naturalOrder());
    }

    private static double number(String value) {
        try {
            return value.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }
}
