package org.iqracity.console.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of a course a roster holds when it was exported from the learner list rather than whole (R14): the list's
 * search, filters and order, without its paging. Its {@link #text} is the learner list's own query string, each
 * parameter once and in one fixed order, so the platform can sign it, the access log can name it, and whoever reads
 * the roster can ask {@code GET /courses/{id}/learners} the same question.
 *
 * <p>Values are kept as the list compares them: the search stripped (null when blank), countries upper case, each
 * once and sorted, the order username ascending unless another was asked for.
 */
public record RosterView(String q, EnrollmentMode mode, Boolean active, Boolean passed, List<String> countries,
                         Double minProgress, Double maxProgress, Double minGrade, Double maxGrade,
                         Integer inactiveDays, LearnerSort sort, boolean descending) {

    /** The parameters of {@link #text}, in its order. */
    public static final List<String> PARAMETERS = List.of("q", "mode", "active", "passed", "country", "minProgress",
            "maxProgress", "minGrade", "maxGrade", "inactiveDays", "sort");

    public RosterView {
        q = q == null || q.isBlank() ? null : q.strip();
        countries = countries == null ? List.of() : countries.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                .distinct().sorted().toList();
        sort = sort == null ? LearnerSort.USERNAME : sort;
    }

    /** The view of a learner-list query: its search, filters and order; its page size and cursor are no part of it. */
    public static RosterView of(LearnerQuery query) {
        return new RosterView(query.q(), query.mode(), query.active(), query.passed(), query.countries(),
                query.minProgress(), query.maxProgress(), query.minGrade(), query.maxGrade(), query.inactiveDays(),
                query.sort(), query.descending());
    }

    /** The first page of the learner list that shows this view. */
    public LearnerQuery query() {
        return LearnerQuery.firstPage().withSearch(q).withFilters(new LearnerQuery.Filters(mode, active, passed,
                countries, minProgress, maxProgress, minGrade, maxGrade, inactiveDays)).withSort(sort, descending);
    }

    public boolean searched() {
        return q != null;
    }

    /** Whether a filter (the search apart) leaves learners out. */
    public boolean filtered() {
        return mode != null || active != null || passed != null || !countries.isEmpty() || minProgress != null
                || maxProgress != null || minGrade != null || maxGrade != null || inactiveDays != null;
    }

    /** Every learner in username order: what a roster of the whole course holds, in its order. */
    public boolean wholeCourse() {
        return !searched() && !filtered() && sort == LearnerSort.USERNAME && !descending;
    }

    /**
     * The canonical text: {@code name=value} pairs joined by {@code &}, in {@link #PARAMETERS}' order, absent ones
     * left out, the order always given ({@code country=DE,KE&sort=name}). Values are percent-encoded (UTF-8) only
     * where a query string needs it: {@code % & = + #}, and control characters, so the text is one line.
     */
    public String text() {
        List<String> pairs = new ArrayList<>();
        add(pairs, "q", q == null ? null : escape(q));
        add(pairs, "mode", mode == null ? null : mode.name());
        add(pairs, "active", active);
        add(pairs, "passed", passed);
        add(pairs, "country", countries.isEmpty() ? null : String.join(",", countries));
        add(pairs, "minProgress", minProgress);
        add(pairs, "maxProgress", maxProgress);
        add(pairs, "minGrade", minGrade);
        add(pairs, "maxGrade", maxGrade);
        add(pairs, "inactiveDays", inactiveDays);
        add(pairs, "sort", sort.wire(descending));
        return String.join("&", pairs);
    }

    /** Reads a {@link #text}; throws IllegalArgumentException for anything else, naming no value. */
    public static RosterView parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !PARAMETERS.contains(name) || values.put(name, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("not a roster view");
            }
        }
        String sortText = values.get("sort");
        if (sortText == null) {
            throw new IllegalArgumentException("a roster view names its order");
        }
        boolean desc = sortText.startsWith("-");
        LearnerSort by = LearnerSort.fromWireName(desc ? sortText.substring(1) : sortText)
                .orElseThrow(() -> new IllegalArgumentException("not a learner-list order"));
        String country = values.get("country");
        try {
            return new RosterView(values.get("q"),
                    values.containsKey("mode") ? EnrollmentMode.valueOf(values.get("mode")) : null,
                    bool(values.get("active")), bool(values.get("passed")),
                    country == null ? List.of() : List.of(country.split(",")),
                    number(values.get("minProgress")), number(values.get("maxProgress")),
                    number(values.get("minGrade")), number(values.get("maxGrade")),
                    values.containsKey("inactiveDays") ? Integer.valueOf(values.get("inactiveDays")) : null, by, desc);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a roster view's number is not one", e);
        }
    }

    private static void add(List<String> pairs, String name, Object value) {
        if (value != null) {
            pairs.add(name + "=" + value);
        }
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("%&=+#".indexOf(c) >= 0 || Character.isISOControl(c)) {
                // one UTF-16 unit each: every character escaped here is ASCII or a C1 control (two UTF-8 bytes)
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static Double number(String value) {
        return value == null ? null : Double.valueOf(value);
    }
}
