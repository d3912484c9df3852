package org.iqracity.console.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The side-by-side table: one row a metric, HTTP and JDBC columns per database, the target and the verdicts. */
final class ResultsTable {
    enum Db { H2, PG }

    private static final class Row {
        final String metric;
        final String target;
        final String[] cells = {"", "", "", ""};
        final String[] verdicts = {"", ""};

        Row(String metric, String target) {
            this.metric = metric;
            this.target = target;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int failures;

    void put(String metric, String target, Db db, String http, String jdbc) {
        Row r = rows.computeIfAbsent(metric, m -> new Row(m, target));
        r.cells[db.ordinal() * 2] = http;
        r.cells[db.ordinal() * 2 + 1] = jdbc;
    }

    /** Records a verdict; a missed target counts as FAIL in the table, it does not stop the run. */
    void verdict(String metric, Db db, boolean pass) {
        rows.get(metric).verdicts[db.ordinal()] = db + " " + (pass ? "PASS" : "FAIL");
        if (!pass) {
            failures++;
        }
    }

    void note(String text) {
        notes.add(text);
    }

    int failures() {
        return failures;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| metric | H2 HTTP | H2 JDBC | PG HTTP | PG JDBC | target | pass/fail |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows.values()) {
            sb.append("| ").append(r.metric);
            for (String c : r.cells) {
                sb.append(" | ").append(c.isEmpty() ? "-" : c);
            }
            String verdict = String.join(" · ", List.of(r.verdicts).stream().filter(v -> !v.isEmpty()).toList());
            sb.append(" | ").append(r.target).append(" | ").append(verdict.isEmpty() ? "(info)" : verdict)
                    .append(" |\n");
        }
        sb.append('\n');
        for (String n : notes) {
            sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }
}
