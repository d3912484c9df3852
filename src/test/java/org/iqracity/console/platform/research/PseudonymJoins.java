package org.iqracity.console.platform.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a holder of several stable-key research exports of one Member can do with them (R11): join them on
 * pseudonym. Each export is its released rows as pseudonym to the quasi-identifiers the row shows. A joined group
 * is the learners who look alike in every export of the join; R11 wants none smaller than the k of those exports.
 * Three kinds of join are looked at: the inner join of every pair, the inner join of all, and the presence record
 * (for every learner released anywhere, what each export shows or that it left them out: someone who knows that
 * a learner is not in a course learns that too).
 */
public final class PseudonymJoins {
    /** What an export left a learner out of, in the presence record. */
    static final List<String> ABSENT = List.of("(absent)");

    /** One export's released rows and the k it promised. */
    public record Released(int k, Map<String, List<String>> rows) {
        public Released {
            rows = Map.copyOf(rows);
        }
    }

    private PseudonymJoins() {
    }

    /** The released rows of an archive, on the quasi-identifiers its summary names. */
    public static Released of(ResearchArchiveFile zip) {
        List<String> header = zip.header();
        int pseudonym = header.indexOf("pseudonym");
        List<Integer> qi = zip.summary().quasiIdentifiers().stream().map(header::indexOf).toList();
        Map<String, List<String>> rows = new HashMap<>();
        for (List<String> row : zip.rows()) {
            rows.put(row.get(pseudonym), qi.stream().map(row::get).toList());
        }
        return new Released(zip.summary().k(), rows);
    }

    /**
     * For each join, how many learners sit in a joined group smaller than the least k of the exports joined;
     * every value 0 is what R11 asks.
     */
    public static Map<String, Long> learnersInSmallGroups(List<Released> exports) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < exports.size(); i++) {
            for (int j = i + 1; j < exports.size(); j++) {
                out.put("export " + (i + 1) + " joined with export " + (j + 1),
                        inner(List.of(exports.get(i), exports.get(j))));
            }
        }
        if (exports.size() > 2) {
            out.put("all exports joined", inner(exports));
        }
        out.put("presence in every export", presence(exports));
        return out;
    }

    private static long inner(List<Released> joined) {
        Set<String> common = new HashSet<>(joined.getFirst().rows().keySet());
        joined.forEach(e -> common.retainAll(e.rows().keySet()));
        Map<String, List<List<String>>> keys = new HashMap<>();
        for (String p : common) {
            keys.put(p, joined.stream().map(e -> e.rows().get(p)).toList());
        }
        return small(keys, leastK(joined));
    }

    private static long presence(List<Released> exports) {
        Set<String> anywhere = new HashSet<>();
        exports.forEach(e -> anywhere.addAll(e.rows().keySet()));
        Map<String, List<List<String>>> keys = new HashMap<>();
        for (String p : anywhere) {
            List<List<String>> seen = new ArrayList<>();
            exports.forEach(e -> seen.add(e.rows().getOrDefault(p, ABSENT)));
            keys.put(p, seen);
        }
        return small(keys, leastK(exports));
    }

    private static <K> long small(Map<String, K> keys, int k) {
        Map<K, Integer> sizes = new HashMap<>();
        keys.values().forEach(key -> sizes.merge(key, 1, Integer::sum));
        return keys.values().stream().filter(key -> sizes.get(key) < k).count();
    }

    private static int leastK(List<Released> exports) {
        return exports.stream().mapToInt(Released::k).min().orElseThrow();
    }
}
