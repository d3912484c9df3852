package org.iqracity.console.ui.learners;

import java.util.List;

/**
 * The filters of the learners list, each with the query parameters it is sent as: a refusal naming one of them (a
 * 422 with field errors) is shown beside that filter.
 */
public enum LearnerFilter {
    SEARCH("q"),
    MODE("mode"),
    ACTIVE("active"),
    PASSED("passed"),
    COUNTRIES("country"),
    PROGRESS("minProgress", "maxProgress"),
    GRADE("minGrade", "maxGrade"),
    INACTIVE("inactiveDays");

    private final List<String> parameters;

    LearnerFilter(String... parameters) {
        this.parameters = List.of(parameters);
    }

    public List<String> parameters() {
        return parameters;
    }

    /** The filter a query parameter belongs to, or null for one that is not a filter (sort, cursor, limit). */
    static LearnerFilter ofParameter(String name) {
        for (LearnerFilter f : values()) {
            if (f.parameters.contains(name)) {
                return f;
            }
        }
        return null;
    }
}
