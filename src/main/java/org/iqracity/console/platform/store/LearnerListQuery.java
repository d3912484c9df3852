package org.iqracity.console.platform.store;

import java.util.Collections;
import java.util.List;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.search.SearchText;

/**
 * A validated learner-list request as the store runs it.
 *
 * @param terms the search's folded words ({@link SearchText#terms}), each of which must start one of a learner's
 *              search words; null when the list is not searched, empty for a search that matches nobody
 * @param inactiveBefore epoch second: only learners whose last activity in the course is before it (or who never
 *                       had any) pass; null for no such filter
 * @param after the keyset position to continue after, or null for the first page
 * @param skip  rows of the list passed over before the page (a page that starts at a position); 0 with a keyset
 */
public record LearnerListQuery(String courseId, List<String> terms, EnrollmentMode mode, Boolean active,
                               Boolean passed, List<String> countries, Double minProgress, Double maxProgress,
                               Double minGrade, Double maxGrade, Long inactiveBefore, LearnerSort sort,
                               boolean descending, Keyset after, int limit, int skip) {

    public LearnerListQuery {
        countries = countries == null ? List.of() : List.copyOf(countries);
        terms = terms == null ? null : List.copyOf(terms);
        if (skip < 0 || skip > 0 && after != null) {
            throw new IllegalArgumentException("a page starts after a keyset or at a position, not both");
        }
    }

    /** A query from the start of the list or after a keyset. */
    public LearnerListQuery(String courseId, List<String> terms, EnrollmentMode mode, Boolean active, Boolean passed,
                            List<String> countries, Double minProgress, Double maxProgress, Double minGrade,
                            Double maxGrade, Long inactiveBefore, LearnerSort sort, boolean descending, Keyset after,
                            int limit) {
        this(courseId, terms, mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveBefore, sort, descending, after, limit, 0);
    }

    /** The sort value and enrollment id of the last row seen. */
    public record Keyset(Object value, long id) {
    }

    /** Whether this is a search (its terms may still match nobody). */
    public boolean searched() {
        return terms != null;
    }

    public boolean filtered() {
        return mode != null || active != null || passed != null || !countries.isEmpty() || minProgress != null
                || maxProgress != null || minGrade != null || maxGrade != null || inactiveBefore != null;
    }

    /** The same query continued after {@code keyset}. */
    public LearnerListQuery after(Keyset keyset) {
        return new LearnerListQuery(courseId, terms, mode, active, passed, countries, minProgress, maxProgress,
                minGrade, maxGrade, inactiveBefore, sort, descending, keyset, limit, 0);
    }

    /** The same query from its start, {@code rows} at most (a page at a position reads what it passes over too). */
    public LearnerListQuery fromStart(int rows) {
        return new LearnerListQuery(courseId, terms, mode, active, passed, countries, minProgress, maxProgress,
                minGrade, maxGrade, inactiveBefore, sort, descending, null, rows, 0);
    }

    /** The list's order: sort value then enrollment id, with the name order's unnamed rows last either way. */
    public ListOrder order() {
        return new ListOrder(sort, descending);
    }

    /** Appends this query's filters to {@code sql} as {@code AND} conditions on the columns of {@code alias}. */
    public void appendFilters(String alias, StringBuilder sql, List<Object> params) {
        if (mode() != null) {
            sql.append(" AND ").append(alias).append("mode = ?");
            params.add(mode().name());
        }
        if (active() != null) {
            sql.append(" AND ").append(alias).append("active = ?");
            params.add(active());
        }
        if (passed() != null) {
            sql.append(" AND ").append(alias).append("passed = ?");
            params.add(passed());
        }
        if (!countries().isEmpty()) {
            sql.append(" AND ").append(alias).append("country IN (")
                    .append(String.join(", ", Collections.nCopies(countries().size(), "?"))).append(')');
            params.addAll(countries());
        }
        if (minProgress() != null) {
            sql.append(" AND ").append(alias).append("progress >= ?");
            params.add(minProgress());
        }
        if (maxProgress() != null) {
            sql.append(" AND ").append(alias).append("progress <= ?");
            params.add(maxProgress());
        }
        if (minGrade() != null) {
            sql.append(" AND ").append(alias).append("grade >= ?");
            params.add(minGrade());
        }
        if (maxGrade() != null) {
            sql.append(" AND ").append(alias).append("grade <= ?");
            params.add(maxGrade());
        }
        if (inactiveBefore() != null) {
            // activity_key is 0 for a learner never active: always before.
            sql.append(" AND ").append(alias).append("activity_key < ?");
            params.add(inactiveBefore());
        }
    }
}
