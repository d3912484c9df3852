package org.iqracity.console.ui.learners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerRowDto;

/** What a list of learner rows tells its listeners, flattened so tests can compare it; and pages of made-up rows. */
final class RowChanges {

    /** One reported change: what kind, where, how many rows it removed. */
    record Seen(String kind, int from, int to, int removed) {
    }

    private RowChanges() {
    }

    /** A list that fills with every change {@code rows} reports from now on. */
    static List<Seen> recorded(ObservableList<LearnerRow> rows) {
        List<Seen> seen = new ArrayList<>();
        rows.addListener((ListChangeListener<LearnerRow>) c -> {
            while (c.next()) {
                String kind = c.wasReplaced() ? "replaced" : c.wasUpdated() ? "updated"
                        : c.wasAdded() ? "added" : c.wasRemoved() ? "removed" : "permutated";
                seen.add(new Seen(kind, c.getFrom(), c.getTo(), c.getRemovedSize()));
            }
        });
        return seen;
    }

    /** Learners {@code from} to {@code from + size - 1}, named after their number ("user12"). */
    static List<LearnerRow> page(int from, int size) {
        return IntStream.range(from, from + size).mapToObj(i -> new LearnerRow(new LearnerRowDto(
                "L" + i, "user" + i, "Learner " + i, "user" + i + "@example.org", "NO",
                Instant.parse("2026-01-01T00:00:00Z"), EnrollmentMode.values()[0], true, 0.5, 0.5, false,
                Instant.parse("2026-02-01T00:00:00Z"), false, false))).toList();
    }
}
