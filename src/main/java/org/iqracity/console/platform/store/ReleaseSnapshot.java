package org.iqracity.console.platform.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iqracity.console.api.RosterCanon;

/**
 * The stored text of a released sponsor report: RFC 4180 CSV as {@link RosterCanon#csvLine} writes it, a header of
 * column names, then one record per sponsored learner. It is read back only through R7's columns, so a column an
 * older version put in a release (the sponsor's reference for each learner, R5) never leaves the platform again.
 */
public final class ReleaseSnapshot {
    /** R7's list, in this order: all a release holds, and all a release is served with. */
    public static final List<String> COLUMNS = List.of("learner_name", "course_id", "enrollment_status",
            "enrolled_at", "last_activity_at", "active_days", "progress", "completed", "passed", "certificate");
    private static final int NAME = COLUMNS.indexOf("learner_name");
    private static final int ENROLLED = COLUMNS.indexOf("enrolled_at");

    private ReleaseSnapshot() {
    }

    /**
     * The snapshot with R7's columns only, in R7's order, the values as stored. A snapshot that lacks one of them is
     * not a sponsor release this platform made: refused rather than served short.
     */
    public static String r7(String csv) {
        List<List<String>> records = parse(csv);
        if (records.isEmpty()) {
            throw new IllegalStateException("a stored sponsor release has no header");
        }
        List<String> header = records.getFirst();
        int[] pick = new int[COLUMNS.size()];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = header.indexOf(COLUMNS.get(i));
            if (pick[i] < 0) {
                throw new IllegalStateException("a stored sponsor release lacks the R7 column " + COLUMNS.get(i));
            }
        }
        StringBuilder out = new StringBuilder(csv.length());
        RosterCanon.appendCsvLine(out, COLUMNS);
        for (List<String> record : records.subList(1, records.size())) {
            List<String> kept = new ArrayList<>(pick.length);
            for (int column : pick) {
                kept.add(column < record.size() ? record.get(column) : "");
            }
            RosterCanon.appendCsvLine(out, kept);
        }
        return out.toString();
    }

    /**
     * An R7 snapshot with the rows of retired accounts (R6: no name) after the named ones, ordered by what they show.
     * Older releases listed them where their hidden name sorted, which told the sponsor the name's first letters.
     */
    public static String retiredLast(String r7Csv) {
        List<List<String>> records = parse(r7Csv);
        if (records.isEmpty() || !records.getFirst().equals(COLUMNS)) {
            throw new IllegalStateException("not a snapshot with the R7 columns");
        }
        List<List<String>> named = new ArrayList<>();
        List<List<String>> retired = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            (record.get(NAME).isEmpty() ? retired : named).add(record);
        }
        retired.sort(Comparator.<List<String>, Instant>comparing(r -> instant(r.get(ENROLLED)),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RosterCanon::csvLine));
        StringBuilder out = new StringBuilder(r7Csv.length());
        RosterCanon.appendCsvLine(out, COLUMNS);
        named.forEach(r -> RosterCanon.appendCsvLine(out, r));
        retired.forEach(r -> RosterCanon.appendCsvLine(out, r));
        return out.toString();
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The records of {@code csv}, each a list of its fields unquoted. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                i++;
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
