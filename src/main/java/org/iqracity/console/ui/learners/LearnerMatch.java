package org.iqracity.console.ui.learners;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;

/**
 * Whether a learner the console holds could be in a query's list, judged on their row as the API documents the
 * query: every filter, and each word of the search starting a word of the name, the username or the email's local
 * part in any case and accent (or the whole term starting one of those fields, as the platform matched before). Only
 * to decide whether a detail on screen still belongs to the list when the learner is not among the rows fetched: it
 * errs towards "could be", so the pane never empties for a learner the list holds.
 */
final class LearnerMatch {
    private LearnerMatch() {
    }

    static boolean couldMatch(LearnerRowDto row, LearnerQuery q, Instant now) {
        return filtersPass(row, q, now) && searchPasses(row, q.q());
    }

    private static boolean filtersPass(LearnerRowDto row, LearnerQuery q, Instant now) {
        if (q.mode() != null && q.mode() != row.mode()
                || q.active() != null && q.active() != row.active()
                || q.passed() != null && q.passed() != row.passed()) {
            return false;
        }
        if (!q.countries().isEmpty() && (row.country() == null
                || q.countries().stream().noneMatch(c -> c.strip().equalsIgnoreCase(row.country())))) {
            return false;
        }
        if (outside(row.progress(), q.minProgress(), q.maxProgress())
                || outside(row.grade(), q.minGrade(), q.maxGrade())) {
            return false;
        }
        if (q.inactiveDays() != null && row.lastActivityAt() != null) {
            // A day's leeway either side: the platform counts days its own way.
            Instant since = now.minus(Duration.ofDays(q.inactiveDays() - 1L));
            return row.lastActivityAt().isBefore(since);
        }
        return true;
    }

    private static boolean outside(double value, Double min, Double max) {
        double slack = 0.005;
        return min != null && value < min - slack || max != null && value > max + slack;
    }

    private static boolean searchPasses(LearnerRowDto row, String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String email = row.email() == null ? "" : row.email();
        List<String> fields = Arrays.asList(row.name() == null ? "" : row.name(), row.username(),
                email.contains("@") ? email.substring(0, email.indexOf('@')) : email);
        String term = folded(search.strip());
        boolean wholeField = fields.stream().map(LearnerMatch::folded).anyMatch(f -> f.startsWith(term))
                || folded(email).startsWith(term);
        if (wholeField) {
            return true;
        }
        List<String> words = fields.stream().flatMap(f -> Arrays.stream(words(f))).toList();
        return Arrays.stream(words(search)).allMatch(w -> words.stream().anyMatch(word -> word.startsWith(w)));
    }

    private static String[] words(String text) {
        return Arrays.stream(folded(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    /** Lower case without accents: "García" as "garcia", "Lefèvre" as "lefevre", "Łukasz" as "lukasz". */
    static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('ł', 'l').replace('Ł', 'L').replace('ø', 'o').replace('Ø', 'O')
                .replace("ß", "ss").toLowerCase(Locale.ROOT);
    }
}
