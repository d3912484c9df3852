package org.iqracity.console.api.insights;

/**
 * One count of learners in an insight (R11). A suppressed cell carries no number at all: {@code count} is null and
 * {@code suppressed} true, whether the count was under 5 or was hidden so that such a count cannot be worked out by
 * subtraction. Zero is sent as 0: it describes nobody.
 *
 * @param key what the cell counts, as named by the list it is in (a month, a bucket, a country code...)
 */
public record InsightCell(String key, Long count, boolean suppressed) {

    public InsightCell {
        if (suppressed && count != null) {
            throw new IllegalArgumentException("a suppressed cell carries no count");
        }
        if (!suppressed && count == null) {
            throw new IllegalArgumentException("a cell that is not suppressed carries its count");
        }
    }

    public static InsightCell of(String key, long count) {
        return new InsightCell(key, count, false);
    }

    public static InsightCell hidden(String key) {
        return new InsightCell(key, null, true);
    }
}
