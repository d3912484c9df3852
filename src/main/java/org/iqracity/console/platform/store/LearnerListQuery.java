package org.iqracity.console.platform.store;

import java.util.List;

import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerSort;

/**
 * A validated learner-list request as the store runs it.
 *
 * @param prefix lower-case search prefix, or null
 * @param after the keyset position to continue after, or null for the first page
 */
public record LearnerListQuery(String courseId, String prefix, EnrollmentMode mode, Boolean active, Boolean passed,
                               List<String> countries, Double minProgress, Double maxProgress, LearnerSort sort,
                               boolean descending, Keyset after, int limit) {

    public LearnerListQuery {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** The sort value and enrollment id of the last row seen. */
    public record Keyset(Object value, long id) {
    }

    public boolean filtered() {
        return mode != null || active != null || passed != null || !countries.isEmpty() || minProgress != null
                || maxProgress != null;
    }
}
