package org.iqracity.console.platform.service.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.platform.service.research.Coarsening.Period;
import org.iqracity.console.platform.service.research.Ladder.Level;

/**
 * k-anonymity over {@link QuasiIdentifiers} by generalisation, then suppression. The steps of the {@link Ladder} are
 * tried in order; the first that would suppress at most {@link #MAX_SUPPRESSED_PERCENT} % of the records is used
 * (when none does, the step that suppresses the fewest, the finer on a tie). The records of every combination
 * still shared by fewer than k are then left out. What comes out is k-anonymous by construction; the rows are
 * ordered by pseudonym, so their order says nothing about who or when.
 *
 * <p>An export made with the Member's kept key joins, on pseudonym, with the earlier ones made so. There a
 * combination is the quasi-identifiers together with the learner's {@link JoinHistory}, and a group of learners
 * that this export would split off from their history by leaving them out counts too: k then holds in every join.
 */
public final class KAnonymity {
    public static final int MAX_SUPPRESSED_PERCENT = 5;

    /** A released row: the record and the quasi-identifiers it shows. */
    public record Row(LearnerRecord record, QuasiIdentifiers qi) {
    }

    /** What one step of the ladder would have suppressed. */
    public record Attempt(Level level, long suppressed) {
    }

    /**
     * @param generalised        rows whose quasi-identifiers are coarser than the finest form (5-year band,
     *                           country, ISO week, single level of education, five bands of forum posts)
     * @param suppressedForJoins suppressed records whose combination alone k or more learners share: left out so
     *                           that joins with earlier stable-key exports stay k-anonymous
     * @param groups             distinct combinations of quasi-identifiers among the rows
     * @param smallest           rows in the smallest such combination (0 when there are no rows)
     */
    public record Result(int k, Level level, List<Row> rows, long generalised, long suppressed,
                         long suppressedForJoins, List<Attempt> attempts, long groups, long smallest) {
        /**
         * Whether keeping the joins k-anonymous leaves out more than {@link #MAX_SUPPRESSED_PERCENT} % of the
         * records: a dataset missing that many, chosen by what earlier exports showed, would mislead its reader.
         */
        public boolean joinsLeaveOutTooMany() {
            return suppressedForJoins > 0 && suppressed > allowed(rows.size() + suppressed);
        }
    }

    /** A combination in an export that joins with earlier ones: what this one shows and what those showed. */
    private record Joined(QuasiIdentifiers qi, String history) {
    }

    private KAnonymity() {
    }

    /** The records a release may leave out: {@link #MAX_SUPPRESSED_PERCENT} % of them, rounded down. */
    public static long allowed(long records) {
        return records * MAX_SUPPRESSED_PERCENT / 100;
    }

    /** An export that joins with no other. */
    public static Result apply(List<LearnerRecord> records, int k, Regions regions) {
        return apply(records, k, regions, JoinHistory.NONE);
    }

    public static Result apply(List<LearnerRecord> records, int k, Regions regions, JoinHistory history) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        long allowed = allowed(records.size());
        String[] histories = new String[records.size()];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = history.of(records.get(i).pseudonym());
        }
        List<Attempt> attempts = new ArrayList<>();
        Level chosen = null;
        QuasiIdentifiers[] chosenQis = null;
        boolean[] chosenOut = null;
        long fewest = Long.MAX_VALUE;
        for (Level level : Ladder.LEVELS) {
            QuasiIdentifiers[] qis = classify(records, level, k, regions);
            boolean[] out = leftOut(qis, histories, k, history);
            long suppressed = count(out);
            attempts.add(new Attempt(level, suppressed));
            if (suppressed < fewest || suppressed <= allowed) {
                fewest = suppressed;
                chosen = level;
                chosenQis = qis;
                chosenOut = out;
            }
            if (suppressed <= allowed) {
                break;
            }
        }
        Map<QuasiIdentifiers, Integer> alone = sizes(chosenQis);
        List<Row> rows = new ArrayList<>();
        long generalised = 0;
        long forJoins = 0;
        Map<QuasiIdentifiers, Integer> kept = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            QuasiIdentifiers qi = chosenQis[i];
            if (chosenOut[i]) {
                if (alone.get(qi) >= k) {
                    forJoins++;
                }
                continue;
            }
            LearnerRecord r = records.get(i);
            rows.add(new Row(r, qi));
            kept.merge(qi, 1, Integer::sum);
            if (!qi.equals(finest(r))) {
                generalised++;
            }
        }
        rows.sort(Comparator.comparing(row -> row.record().pseudonym()));
        long smallest = kept.values().stream().mapToLong(Integer::longValue).min().orElse(0);
        return new Result(k, chosen, List.copyOf(rows), generalised, records.size() - rows.size(), forJoins,
                List.copyOf(attempts), kept.size(), smallest);
    }

    /**
     * The records one step leaves out. First those whose combination fewer than k share, the combination taking
     * in what earlier stable-key exports released about the learner. Then, for each such history that this export
     * would show for some learners and leave out for fewer than k others, the smallest released groups of that
     * history until k or more of it are left out: in the joins, being left out is what tells those few apart. One
     * pass of each settles it, since leaving a group out shrinks no other group.
     */
    static boolean[] leftOut(QuasiIdentifiers[] qis, String[] histories, int k, JoinHistory history) {
        boolean joins = !history.isEmpty();
        Object[] groups = new Object[qis.length];
        Map<Object, Integer> sizes = new HashMap<>();
        for (int i = 0; i < qis.length; i++) {
            groups[i] = joins ? new Joined(qis[i], histories[i]) : qis[i];
            sizes.merge(groups[i], 1, Integer::sum);
        }
        boolean[] out = new boolean[qis.length];
        for (int i = 0; i < qis.length; i++) {
            out[i] = sizes.get(groups[i]) < k;
        }
        if (!joins) {
            return out;
        }
        Map<String, Map<Object, Integer>> shownByHistory = new HashMap<>();
        for (int i = 0; i < qis.length; i++) {
            if (!out[i] && histories[i] != null) {
                shownByHistory.computeIfAbsent(histories[i], h -> new HashMap<>()).merge(groups[i], 1, Integer::sum);
            }
        }
        Set<Object> splitOff = new HashSet<>();
        shownByHistory.forEach((digest, shown) -> {
            int absent = history.sharedBy(digest) - shown.values().stream().mapToInt(Integer::intValue).sum();
            if (absent > 0 && absent < k) {
                List<Map.Entry<Object, Integer>> smallestFirst = new ArrayList<>(shown.entrySet());
                // the same data leaves out the same groups, whatever order the course was read in
                smallestFirst.sort(Map.Entry.<Object, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().toString()));
                for (Map.Entry<Object, Integer> group : smallestFirst) {
                    if (absent >= k) {
                        break;
                    }
                    splitOff.add(group.getKey());
                    absent += group.getValue();
                }
            }
        });
        for (int i = 0; i < qis.length; i++) {
            out[i] |= splitOff.contains(groups[i]);
        }
        return out;
    }

    private static long count(boolean[] out) {
        long n = 0;
        for (boolean b : out) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The quasi-identifiers of every record at one step of the ladder. */
    static QuasiIdentifiers[] classify(List<LearnerRecord> records, Level level, int k, Regions regions) {
        String[] places = Locations.assign(records, level.place(), k, regions);
        QuasiIdentifiers[] out = new QuasiIdentifiers[records.size()];
        Map<QuasiIdentifiers, QuasiIdentifiers> canonical = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            LearnerRecord r = records.get(i);
            QuasiIdentifiers qi = Ladder.at(level, r, places[i]);
            // one instance per combination keeps the memory of a large course to the combinations, not the rows
            out[i] = canonical.computeIfAbsent(qi, q -> q);
        }
        return out;
    }

    /** The finest form a record could show: what "generalised" is counted against. */
    static QuasiIdentifiers finest(LearnerRecord r) {
        String country = r.country() == null || r.country().isBlank() ? Coarsening.UNKNOWN
                : r.country().toUpperCase(Locale.ROOT);
        return new QuasiIdentifiers(Coarsening.yearBand(r.yearOfBirth(), 5), country, Coarsening.gender(r.gender()),
                Coarsening.education(r.education()), Coarsening.period(r.enrolledAt(), Period.WEEK),
                Coarsening.countBand(r.forumPosts(), Coarsening.CountBands.FIVE));
    }

    private static Map<QuasiIdentifiers, Integer> sizes(QuasiIdentifiers[] qis) {
        Map<QuasiIdentifiers, Integer> sizes = new HashMap<>();
        for (QuasiIdentifiers qi : qis) {
            sizes.merge(qi, 1, Integer::sum);
        }
        return sizes;
    }
}
