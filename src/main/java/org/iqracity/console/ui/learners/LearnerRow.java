package org.iqracity.console.ui.learners;

import org.iqracity.console.api.LearnerRowDto;

/** One row of the learners table: a learner, or the marker row at the end where the next page is loading. */
public record LearnerRow(LearnerRowDto learner) {

    /** The row that stands for "more rows are coming"; rendering it asks for the next page. */
    public static LearnerRow more() {
        return new LearnerRow(null);
    }

    public boolean isMore() {
        return learner == null;
    }

    /** Identity equality for the marker, so each page's marker is its own row. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LearnerRow row && learner != null && learner.equals(row.learner);
    }

    @Override
    public int hashCode() {
        return learner == null ? System.identityHashCode(this) : learner.hashCode();
    }
}
