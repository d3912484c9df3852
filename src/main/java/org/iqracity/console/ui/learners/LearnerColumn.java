package org.iqracity.console.ui.learners;

import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.RosterField;

/** The columns of the learners table, in their order; the username always shows and stays in place. */
public enum LearnerColumn {
    USERNAME("learners.col.username", 170, LearnerSort.USERNAME, RosterField.USERNAME),
    NAME("learners.col.name", 170, LearnerSort.NAME, RosterField.NAME),
    EMAIL("learners.col.email", 250, null, RosterField.EMAIL),
    COUNTRY("learners.col.country", 80, null, RosterField.COUNTRY),
    MODE("learners.col.mode", 100, null, RosterField.MODE),
    ENROLLED("learners.col.enrolled", 120, LearnerSort.ENROLLED_AT, RosterField.ENROLLED_AT),
    PROGRESS("learners.col.progress", 140, LearnerSort.PROGRESS, RosterField.PROGRESS),
    GRADE("learners.col.grade", 80, LearnerSort.GRADE, RosterField.GRADE),
    PASSED("learners.col.passed", 80, null, RosterField.PASSED),
    LAST_ACTIVITY("learners.col.lastActivity", 130, LearnerSort.LAST_ACTIVITY_AT, RosterField.LAST_ACTIVITY_AT);

    final String key;
    final double width;
    /** The platform's order for this column, or null when the list cannot be sorted by it. */
    final LearnerSort sort;
    /** The roster column that carries the same value, for an export of what the table shows. */
    final RosterField rosterField;

    LearnerColumn(String key, double width, LearnerSort sort, RosterField rosterField) {
        this.key = key;
        this.width = width;
        this.sort = sort;
        this.rosterField = rosterField;
    }

    /** Whether a person may hide it: not the username, which identifies each row. */
    public boolean hideable() {
        return this != USERNAME;
    }

    public String key() {
        return key;
    }
}
