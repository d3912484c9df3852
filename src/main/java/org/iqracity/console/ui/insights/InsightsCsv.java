package org.iqracity.console.ui.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.insights.InsightSeries;

/**
 * One chart's data as CSV (RFC 4180, CRLF): the keys as the platform sends them, the same in words, and the count,
 * or the words for a suppressed cell where the platform sent no number (R11).
 */
final class InsightsCsv {
    private final InsightWords words;

    InsightsCsv(InsightWords words) {
        this.words = words;
    }

    String of(InsightChart chart, CourseInsightsDto dto) {
        List<List<String>> rows = new ArrayList<>();
        switch (chart) {
            case ENROLLMENTS -> {
                rows.add(List.of("month", "mode", "learners"));
                for (InsightSeries s : dto.enrollmentsByMonth()) {
                    for (InsightCell c : s.cells()) {
                        rows.add(List.of(c.key(), s.name(), value(c)));
                    }
                }
            }
            case ACTIVE -> {
                rows.add(List.of("week_starting", "active_learners"));
                dto.activeByWeek().forEach(c -> rows.add(List.of(c.key(), value(c))));
            }
            case FUNNEL -> cells(rows, "stage", dto.funnel(), words::stage);
            case PROGRESS -> cells(rows, "progress_percent", dto.progress(), words::bucket);
            case GRADES -> cells(rows, "grade_percent", dto.grades(), words::bucket);
            case COUNTRIES -> cells(rows, "country", dto.countries(), words::country);
            case EDUCATION -> cells(rows, "level_of_education", dto.education(), words::education);
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join(",", row.stream().map(InsightsCsv::field).toList())).append("\r\n");
        }
        return out.toString();
    }

    private void cells(List<List<String>> rows, String name, List<InsightCell> cells,
                       Function<String, String> label) {
        rows.add(List.of(name, name + "_name", "learners"));
        for (InsightCell c : cells) {
            rows.add(List.of(c.key(), label.apply(c.key()), value(c)));
        }
    }

    /** The number as a spreadsheet reads it, or the words for a suppressed cell. */
    private String value(InsightCell c) {
        return c.suppressed() ? words.suppressed() : Long.toString(c.count());
    }

    /** Quoted when it holds a comma, quote or line break; a leading formula sign is defused for spreadsheets. */
    static String field(String value) {
        String v = SpreadsheetCsv.guard(value);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
