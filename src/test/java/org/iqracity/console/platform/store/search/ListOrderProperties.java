package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.ListOrder;

/**
 * Pages in name order follow each other exactly, whatever the names, the page size and the direction: every row
 * once, named learners in the direction asked, then those without a name, then the retired ones, each in ascending
 * order. Checked on the in-memory pages of a search (PrefixMatches), whose cursor logic is the list's order.
 */
class ListOrderProperties {

    /** Name keys of the three kinds, with many ties. */
    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> named = Arbitraries.of("ana", "ana b", "bea", "lukasz", "z").map(n -> SearchText.nameKey(n,
                "u", false));
        Arbitrary<String> unnamed = Arbitraries.of("u1", "u2").map(u -> SearchText.nameKey(null, u, false));
        Arbitrary<String> retired = Arbitraries.of("retired_user_1", "retired_user_2")
                .map(u -> SearchText.nameKey(null, u, true));
        return Arbitraries.frequencyOf(Tuple.of(6, named), Tuple.of(1, unnamed),
                Tuple.of(2, retired)).list().ofMaxSize(60);
    }

    @Property(tries = 400)
    void pagesInNameOrderVisitEveryRowOnceInOrder(@ForAll("keys") List<String> keys, @ForAll boolean descending,
                                                  @ForAll @IntRange(min = 1, max = 7) int limit) {
        PrefixMatches matches = new PrefixMatches();
        record Row(String key, long id) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            long id = 1000 - i * 7L;
            rows.add(new Row(keys.get(i), id));
            matches.add(id, keys.get(i));
        }
        Comparator<Row> ascending = Comparator.comparing(Row::key).thenComparingLong(Row::id);
        List<Row> expected = new ArrayList<>();
        List<Row> named = rows.stream().filter(r -> !SearchText.unnamed(r.key())).sorted(ascending).toList();
        expected.addAll(descending ? named.reversed() : named);
        expected.addAll(rows.stream().filter(r -> SearchText.unnamed(r.key())).sorted(ascending).toList());

        ListOrder order = new ListOrder(LearnerSort.NAME, descending);
        List<Long> walked = new ArrayList<>();
        LearnerListQuery.Keyset after = null;
        while (true) {
            List<Long> page = matches.page(after, order, limit);
            walked.addAll(page);
            if (page.size() < limit) {
                break;
            }
            long last = page.getLast();
            Row row = rows.stream().filter(r -> r.id() == last).findFirst().orElseThrow();
            after = new LearnerListQuery.Keyset(row.key(), last);
        }
        assertThat(walked).isEqualTo(expected.stream().map(Row::id).toList());
    }
}
