package org.iqracity.console.platform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.search.SearchText;

/**
 * What a learner-list query may ask and how the store runs it, for the list and for the roster of a view (R14): one
 * validation, so both refuse the same values with the same field errors, and one translation, so both read the same
 * rows in the same order.
 */
public final class LearnerQueries {
    private static final int MAX_QUERY_LENGTH = 100;
    private static final int MAX_COUNTRIES = 250;
    /** Beyond any course's enrollments (the largest are 500,000); a page there is empty. */
    private static final int MAX_POSITION = 100_000_000;
    /** Ten years: longer than any course keeps activity. */
    private static final int MAX_INACTIVE_DAYS = 3650;

    private LearnerQueries() {
    }

    public static boolean searched(LearnerQuery q) {
        return q.q() != null && !q.q().isBlank();
    }

    /** The search's folded words, each of which must start a word of the learner; null when not searched. */
    public static List<String> terms(LearnerQuery q) {
        return searched(q) ? SearchText.terms(q.q()) : null;
    }

    /** The countries asked for, as the database holds them: upper case, each once, in a stable order. */
    public static List<String> countries(LearnerQuery q) {
        return q.countries().stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /**
     * The store's form of {@code q} read at {@code now}: "no activity in N days" becomes a point in time, so every
     * batch of one roster, like every page of one list, asks about the same moment.
     */
    public static LearnerListQuery store(String courseId, LearnerQuery q, Instant now, LearnerListQuery.Keyset after,
                                  int limit) {
        Long inactiveBefore = q.inactiveDays() == null ? null
                : now.minus(Duration.ofDays(q.inactiveDays())).getEpochSecond();
        // A page at a position passes over the rows before it (a keyset, if any, is not used then).
        int skip = q.at() == null ? 0 : q.at();
        return new LearnerListQuery(courseId, terms(q), q.mode(), q.active(), q.passed(), countries(q),
                q.minProgress(), q.maxProgress(), q.minGrade(), q.maxGrade(), inactiveBefore, q.sort(),
                q.descending(), skip > 0 ? null : after, limit, skip);
    }

    /** Refuses, naming every field at once, what the list cannot answer. */
    public static void validate(LearnerQuery q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.limit() < 1 || q.limit() > LearnerQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "Must be between 1 and " + LearnerQuery.MAX_LIMIT + "."));
        }
        if (q.at() != null && (q.at() < 0 || q.at() > MAX_POSITION)) {
            errors.add(new FieldError("at", "Must be a position from 0 to " + MAX_POSITION + "."));
        }
        if (q.q() != null && q.q().length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "Must be at most " + MAX_QUERY_LENGTH + " characters."));
        } else if (q.q() != null && q.q().chars().anyMatch(Character::isISOControl)) {
            // No name or address holds control characters, and PostgreSQL refuses NUL in text outright.
            errors.add(new FieldError("q", "Must not contain control characters."));
        } else if (q.q() != null && SearchText.terms(q.q()).size() > SearchText.MAX_TERMS) {
            // Each word is a range of the word index to read.
            errors.add(new FieldError("q", "Search with at most " + SearchText.MAX_TERMS + " words."));
        }
        if (q.countries().size() > MAX_COUNTRIES) {
            errors.add(new FieldError("country", "At most " + MAX_COUNTRIES + " countries."));
        }
        for (String code : q.countries()) {
            if (code == null || !code.strip().matches("[A-Za-z]{2}")) {
                errors.add(new FieldError("country", "Two-letter country codes such as KE or de, separated by "
                        + "commas."));
                break;
            }
        }
        checkFraction(errors, "minProgress", q.minProgress());
        checkFraction(errors, "maxProgress", q.maxProgress());
        if (q.minProgress() != null && q.maxProgress() != null && q.minProgress() > q.maxProgress()) {
            errors.add(new FieldError("minProgress", "Must not be greater than maxProgress."));
        }
        checkFraction(errors, "minGrade", q.minGrade());
        checkFraction(errors, "maxGrade", q.maxGrade());
        if (q.minGrade() != null && q.maxGrade() != null && q.minGrade() > q.maxGrade()) {
            errors.add(new FieldError("minGrade", "Must not be greater than maxGrade."));
        }
        if (q.inactiveDays() != null && (q.inactiveDays() < 1 || q.inactiveDays() > MAX_INACTIVE_DAYS)) {
            errors.add(new FieldError("inactiveDays", "Must be a whole number of days from 1 to " + MAX_INACTIVE_DAYS
                    + "."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
    }

    private static void checkFraction(List<FieldError> errors, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            errors.add(new FieldError(field, "Must be a number from 0 to 1."));
        }
    }
}
