package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.search.SearchSnapshot;
import org.iqracity.console.platform.store.search.SearchText;

/**
 * The learner list's order: the sort's value, then the enrollment id, both ascending or both descending; except that
 * in name order the learners without a name, retired accounts last ({@link SearchText#nameKey}), follow the named ones
 * in both directions, in their own ascending order. A page's cursor is the last row's (value, id), and the next page
 * is what comes after it in this order.
 */
public record ListOrder(LearnerSort sort, boolean descending) {

    /** Whether the named rows go descending and the unnamed ones still come after them, ascending. */
    public boolean rotated() {
        return descending && sort == LearnerSort.NAME;
    }

    /** Whether a row of this sort value is one of the unnamed rows a {@link #rotated} order keeps last. */
    public boolean last(Object value) {
        return sort == LearnerSort.NAME && SearchText.unnamed((String) value);
    }

    /**
     * Negative when the row ({@code value}, {@code id}) comes before ({@code otherValue}, {@code otherId}). Values
     * are compared as Java compares them (H2's order; PostgreSQL's text order is its collation's, see
     * {@link SearchSnapshot}).
     */
    @SuppressWarnings("unchecked")
    public int compare(Object value, long id, Object otherValue, long otherId) {
        int c = ((Comparable<Object>) value).compareTo(otherValue);
        if (c == 0) {
            c = Long.compare(id, otherId);
        }
        if (!descending) {
            return c;
        }
        if (rotated()) {
            boolean last = last(value);
            if (last != last(otherValue)) {
                return last ? 1 : -1;
            }
            if (last) {
                return c;
            }
        }
        return -c;
    }

    /** A sort column's value as cursors carry it: a String, Instant, Double or Long, never null (all NOT NULL). */
    public static Comparable<?> sortValue(ResultSet rs, int column, LearnerSort sort) throws SQLException {
        return switch (sort) {
            case USERNAME, NAME -> rs.getString(column);
            case ENROLLED_AT -> rs.getObject(column, OffsetDateTime.class).toInstant();
            case PROGRESS, GRADE -> rs.getDouble(column);
            case LAST_ACTIVITY_AT -> rs.getLong(column);
        };
    }
}
