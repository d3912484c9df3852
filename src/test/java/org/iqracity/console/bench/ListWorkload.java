package org.iqracity.console.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.Jdbc;

/** What the benchmark asks for: the big course, search prefixes drawn from its real learners, every sort. */
final class ListWorkload {
    static final String BIG_COURSE = "course-v1:Northbridge+CS101+2026_T1";
    static final String LIST = ApiPaths.courseLearners(BIG_COURSE);

    private ListWorkload() {
    }

    /** Every offered sort, ascending and descending, as {@code (sort, descending)}. */
    record Sort(LearnerSort sort, boolean descending) {
        String wire() {
            return sort.wire(descending);
        }
    }

    static List<Sort> sorts() {
        List<Sort> out = new ArrayList<>();
        for (LearnerSort s : LearnerSort.values()) {
            out.add(new Sort(s, false));
            out.add(new Sort(s, true));
        }
        return out;
    }

    /**
     * Distinct 3-5 character prefixes of real usernames and e-mail addresses of the big course, spread over the
     * whole course and deterministic for a given sandbox, so H2 and PostgreSQL are asked the same things.
     */
    static List<String> prefixes(Jdbc jdbc, int count) {
        record Keys(String username, String email) {
        }
        List<Keys> rows = jdbc.query("SELECT username_key, email_key FROM enrollment WHERE course_id = ? "
                + "AND MOD(id, 97) = 0 ORDER BY id", rs -> new Keys(rs.getString(1), rs.getString(2)), BIG_COURSE);
        SplittableRandom rng = new SplittableRandom(42);
        Set<String> out = new LinkedHashSet<>();
        for (int guard = 0; out.size() < count && guard < count * 50; guard++) {
            Keys k = rows.get(rng.nextInt(rows.size()));
            String source = rng.nextBoolean() || k.email().isEmpty() ? k.username() : k.email();
            int length = 3 + rng.nextInt(3);
            if (source.length() >= length) {
                out.add(source.substring(0, length).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    static String firstPage() {
        return LIST;
    }

    static String sorted(Sort s) {
        return LIST + "?sort=" + s.wire();
    }

    static String search(String prefix) {
        return LIST + "?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8);
    }

    static String after(String cursor, int limit) {
        return LIST + "?limit=" + limit + "&cursor=" + cursor;
    }
}
