package org.iqracity.console.ui.learners;

import org.iqracity.console.api.LearnerSort;

/** The columns of the learners table, in their order; the username always shows and stays in place. */
public enum LearnerColumn {
    USERNAME("learners.col.username", 170, LearnerSort.USERNAME),
    NAME("learners.col.name", 170, LearnerSort.NAME),
    EMAIL("learners.col.email", 250, null),
    COUNTRY("learners.col.country", 80, null),
    MODE("learners.col.mode", 100, null),
    ENROLLED("learners.col.enrolled", 120, LearnerSort.ENROLLED_AT),
    PROGRESS("learners.col.progress", 140, LearnerSort.PROGRESS),
    GRADE("learners.col.grade", 80, LearnerSort.GRADE),
    PASSED("learners.col.passed", 80, null),
    LAST_ACTIVITY("learners.col.lastActivity", 130, LearnerSort.LAST_ACTIVITY_AT);

    final String key;
    final double width;
    /** The platform's order for this column, or null when the list cannot be sorted by it. */
    final LearnerSort sort;

    LearnerColumn(String key, double width, LearnerSort sort) {
        this.key = key;
        this.width = width;
        this.sort = sort;
    }

    /** Whether a person may hide it: not the username, which identifies each row. */
    public boolean hideable() {
        return this != USERNAME;
    }

    public String key() {
        return key;
    }
}
