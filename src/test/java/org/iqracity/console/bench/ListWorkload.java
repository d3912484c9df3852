package org.iqracity.console.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.search.SearchText;

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

    /**
     * Searches for people by surname as someone would type them, drawn from the big course's names: a surname's first
     * 3 to 6 letters or the whole of it, and one in four with the first letters of the given name before it ("ana
     * gar"), in any case and without accents. Deterministic for a given sandbox.
     */
    static List<String> surnames(Jdbc jdbc, int count) {
        List<String> names = jdbc.query("SELECT l.name FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND MOD(e.id, 97) = 0 AND l.name IS NOT NULL ORDER BY e.id",
                rs -> rs.getString(1), BIG_COURSE);
        SplittableRandom rng = new SplittableRandom(7);
        Set<String> out = new LinkedHashSet<>();
        for (int guard = 0; out.size() < count && guard < count * 50; guard++) {
            String[] words = SearchText.fold(names.get(rng.nextInt(names.size()))).split("[^\\p{L}\\p{N}]+");
            if (words.length < 2 || words[words.length - 1].length() < 3) {
                continue;
            }
            String last = words[words.length - 1];
            String surname = last.substring(0, Math.min(last.length(), 3 + rng.nextInt(5)));
            String given = words[words.length - 2];
            out.add(rng.nextInt(4) == 0 && given.length() >= 2 ? given.substring(0, Math.min(3, given.length())) + " "
                    + surname : surname);
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
