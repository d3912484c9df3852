package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerRowDto;
import org.junit.jupiter.api.Test;

/** The list changes the table is told about decide how much work it does; these pin their shape. */
class PagedRowsTest {

    /** One reported change, flattened: what kind, where, how many. */
    private record Seen(String kind, int from, int to, int removed) {
    }

    private final PagedRows rows = new PagedRows(400);
    private final List<Seen> seen = new ArrayList<>();

    PagedRowsTest() {
        rows.addListener((ListChangeListener<LearnerRow>) c -> {
            while (c.next()) {
                String kind = c.wasReplaced() ? "replaced" : c.wasUpdated() ? "updated"
                        : c.wasAdded() ? "added" : c.wasRemoved() ? "removed" : "permutated";
                seen.add(new Seen(kind, c.getFrom(), c.getTo(), c.getRemovedSize()));
            }
        });
    }

    private static List<LearnerRow> page(int from, int size) {
        return IntStream.range(from, from + size).mapToObj(i -> new LearnerRow(new LearnerRowDto(
                "L" + i, "user" + i, "Learner " + i, "user" + i + "@example.org", "NO",
                Instant.parse("2026-01-01T00:00:00Z"), EnrollmentMode.values()[0], true, 0.5, 0.5, false,
                Instant.parse("2026-02-01T00:00:00Z"), false, false))).toList();
    }

    @Test
    void appendingAddsBeforeTheSameMarkerAndReplacesNothing() {
        rows.reset(page(0, 100), true);
        LearnerRow marker = rows.marker();
        seen.clear();

        rows.append(page(100, 100), "c1", true);

        assertThat(seen).containsExactly(new Seen("added", 100, 200, 0));
        assertThat(rows).hasSize(201);
        assertThat(rows.get(200)).isSameAs(marker);
        assertThat(rows.get(150).learner().username()).isEqualTo("user150");
    }

    @Test
    void theLastPageTakesTheMarkerAway() {
        rows.reset(page(0, 100), true);
        LearnerRow marker = rows.marker();
        seen.clear();

        rows.append(page(100, 30), "c1", false);

        assertThat(rows).hasSize(130);
        assertThat(rows.hasMarker()).isFalse();
        assertThat(rows).doesNotContain(marker);
        assertThat(seen).extracting(Seen::kind).doesNotContain("permutated");
        // Once, at the very end of the list, a replacement is fine: the 30 rows come in where the marker was.
        assertThat(seen.stream().mapToInt(s -> s.kind().equals("updated") ? 0 : s.to() - s.from()).sum()
                - seen.stream().mapToInt(Seen::removed).sum()).isEqualTo(29);
        assertThat(rows.get(129).learner().username()).isEqualTo("user129");
    }

    @Test
    void pagesGivenUpAreReportedAsUpdatedAndComeBackAsPlaceholders() {
        rows.reset(page(0, 100), true);
        for (int p = 1; p <= 4; p++) {
            rows.append(page(p * 100, 100), "c" + p, true);
        }
        seen.clear();

        rows.append(page(500, 100), "c5", true);

        // 600 listed, 400 held: the first page went when the fifth came, the second goes now, neither replaced.
        assertThat(rows.residentRows()).isEqualTo(400);
        assertThat(seen).extracting(Seen::kind).containsOnly("added", "updated");
        assertThat(seen).contains(new Seen("added", 500, 600, 0));
        assertThat(seen).filteredOn(s -> s.kind().equals("updated")).extracting(Seen::from).containsExactly(100);
        assertThat(seen.stream().filter(s -> s.kind().equals("updated")).mapToInt(s -> s.to() - s.from()).sum())
                .isEqualTo(100);
        assertThat(rows.get(0).isMore()).isTrue();
        assertThat(rows.get(199).isMore()).isTrue();
        assertThat(rows.get(200).learner().username()).isEqualTo("user200");
    }

    @Test
    void aPageFetchedAgainReplacesItsPlaceholdersInPlace() {
        rows.reset(page(0, 100), true);
        for (int p = 1; p <= 5; p++) {
            rows.append(page(p * 100, 100), "c" + p, true);
        }
        PagedRows.Slot first = rows.touch(0);
        assertThat(first.resident()).isFalse();
        seen.clear();

        rows.restore(first, page(0, 100));

        assertThat(seen.getFirst()).isEqualTo(new Seen("replaced", 0, 100, 100));
        assertThat(rows.get(42).learner().username()).isEqualTo("user42");
        assertThat(rows.residentRows()).isLessThanOrEqualTo(400);
        assertThat(rows).hasSize(601);
    }
}
