package org.iqracity.console.platform.service.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.platform.service.research.Coarsening.Period;
import org.iqracity.console.platform.service.research.Ladder.Level;

/**
 * k-anonymity over {@link QuasiIdentifiers} by generalisation, then suppression. The steps of the {@link Ladder} are
 * tried in order; the first that would suppress at most {@link #MAX_SUPPRESSED_PERCENT} % of the records is used
 * (when none does, the step that suppresses the fewest, the finer on a tie). The records of every combination
 * still shared by fewer than k are then left out. What comes out is k-anonymous by construction; the rows are
 * ordered by pseudonym, so their order says nothing about who or when.
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
     * @param generalised rows whose quasi-identifiers are coarser than the finest form (5-year band, country, ISO
     *                    week, single level of education, five bands of forum posts)
     * @param groups      distinct combinations of quasi-identifiers among the rows
     * @param smallest    rows in the smallest such combination (0 when there are no rows)
     */
    public record Result(int k, Level level, List<Row> rows, long generalised, long suppressed, List<Attempt> attempts,
                         long groups, long smallest) {
    }

    private KAnonymity() {
    }

    public static Result apply(List<LearnerRecord> records, int k, Regions regions) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        long allowed = records.size() * (long) MAX_SUPPRESSED_PERCENT / 100;
        List<Attempt> attempts = new ArrayList<>();
        Level chosen = null;
        QuasiIdentifiers[] chosenQis = null;
        Map<QuasiIdentifiers, Integer> chosenSizes = null;
        long fewest = Long.MAX_VALUE;
        for (Level level : Ladder.LEVELS) {
            QuasiIdentifiers[] qis = classify(records, level, k, regions);
            Map<QuasiIdentifiers, Integer> sizes = sizes(qis);
            long suppressed = 0;
            for (QuasiIdentifiers qi : qis) {
                if (sizes.get(qi) < k) {
                    suppressed++;
                }
            }
            attempts.add(new Attempt(level, suppressed));
            if (suppressed < fewest) {
                fewest = suppressed;
                chosen = level;
                chosenQis = qis;
                chosenSizes = sizes;
            }
            if (suppressed <= allowed) {
                chosen = level;
                chosenQis = qis;
                chosenSizes = sizes;
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        long generalised = 0;
        Map<QuasiIdentifiers, Integer> kept = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            QuasiIdentifiers qi = chosenQis[i];
            if (chosenSizes.get(qi) < k) {
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
        return new Result(k, chosen, List.copyOf(rows), generalised, records.size() - rows.size(),
                List.copyOf(attempts), kept.size(), smallest);
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
                : r.country().toUpperCase(java.util.Locale.ROOT);
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
