package org.iqracity.console.api;

import java.util.List;

/**
 * What a client may ask of {@code GET /courses/{courseId}/learners}. Null (or an empty list) means "no filter".
 * Progress and grade bounds are fractions from 0 to 1.
 *
 * @param q            words each of which starts a word of the learner's name, their username or their email's local
 *                     part, in any case and with or without accents
 * @param countries    ISO 3166-1 alpha-2 codes in any case; a learner in any of them passes
 * @param inactiveDays a learner passes when they had no activity in the course in the last this many days (never
 *                     active included)
 * @param at           the page starts at this position of the list (0 is its first row) instead of after the cursor;
 *                     a cursor sent with it only shows that the page continues a list already opened (no new
 *                     access-log entry); null to page by cursor alone
 */
public record LearnerQuery(String q, EnrollmentMode mode, Boolean active, Boolean passed, List<String> countries,
                           Double minProgress, Double maxProgress, Double minGrade, Double maxGrade,
                           Integer inactiveDays, LearnerSort sort, boolean descending, int limit, String cursor,
                           Integer at) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public LearnerQuery {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** A query paged by cursor alone. */
    public LearnerQuery(String q, EnrollmentMode mode, Boolean active, Boolean passed, List<String> countries,
                        Double minProgress, Double maxProgress, Double minGrade, Double maxGrade, Integer inactiveDays,
                        LearnerSort sort, boolean descending, int limit, String cursor) {
        this(q, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade, inactiveDays, sort,
                descending, limit, cursor, null);
    }

    public static LearnerQuery firstPage() {
        return new LearnerQuery(null, null, null, null, List.of(), null, null, null, null, null, LearnerSort.USERNAME,
                false, DEFAULT_LIMIT, null);
    }

    /** The filters of the list, apart from the search, the order and the paging. */
    public record Filters(EnrollmentMode mode, Boolean active, Boolean passed, List<String> countries,
                          Double minProgress, Double maxProgress, Double minGrade, Double maxGrade,
                          Integer inactiveDays) {
        public static final Filters NONE = new Filters(null, null, null, List.of(), null, null, null, null, null);

        public Filters {
            countries = countries == null ? List.of() : List.copyOf(countries);
        }
    }

    public Filters filters() {
        return new Filters(mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays);
    }

    public LearnerQuery withCursor(String next) {
        return new LearnerQuery(q, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays, sort, descending, limit, next);
    }

    public LearnerQuery withSearch(String text) {
        return new LearnerQuery(text, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays, sort, descending, limit, null);
    }

    public LearnerQuery withSort(LearnerSort by, boolean desc) {
        return new LearnerQuery(q, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays, by, desc, limit, null);
    }

    public LearnerQuery withFilters(Filters f) {
        return new LearnerQuery(q, f.mode(), f.active(), f.passed(), f.countries(), f.minProgress(), f.maxProgress(),
                f.minGrade(), f.maxGrade(), f.inactiveDays(), sort, descending, limit, null);
    }

    public LearnerQuery withLimit(int n) {
        return new LearnerQuery(q, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays, sort, descending, n, cursor, at);
    }

    /**
     * The page that starts at {@code position} of this list; {@code continuing} is a cursor of the same list (or null
     * for a list not opened yet).
     */
    public LearnerQuery at(int position, String continuing) {
        return new LearnerQuery(q, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays, sort, descending, limit, continuing, position);
    }
}
