package org.iqracity.console.api;

/**
 * What a client may ask of {@code GET /courses/{courseId}/learners}. Null means "no filter". Progress bounds are
 * fractions from 0 to 1.
 */
public record LearnerQuery(String q, EnrollmentMode mode, Boolean active, Boolean passed, String country,
                           Double minProgress, Double maxProgress, LearnerSort sort, boolean descending,
                           int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static LearnerQuery firstPage() {
        return new LearnerQuery(null, null, null, null, null, null, null, LearnerSort.USERNAME, false, DEFAULT_LIMIT, null);
    }

    public LearnerQuery withCursor(String next) {
        return new LearnerQuery(q, mode, active, passed, country, minProgress, maxProgress, sort, descending, limit, next);
    }

    public LearnerQuery withSearch(String text) {
        return new LearnerQuery(text, mode, active, passed, country, minProgress, maxProgress, sort, descending, limit, null);
    }

    public LearnerQuery withSort(LearnerSort by, boolean desc) {
        return new LearnerQuery(q, mode, active, passed, country, minProgress, maxProgress, by, desc, limit, null);
    }

    public LearnerQuery withFilters(EnrollmentMode m, Boolean act, Boolean pass, String ctry, Double min, Double max) {
        return new LearnerQuery(q, m, act, pass, ctry, min, max, sort, descending, limit, null);
    }

    public LearnerQuery withLimit(int n) {
        return new LearnerQuery(q, mode, active, passed, country, minProgress, maxProgress, sort, descending, n, cursor);
    }
}
