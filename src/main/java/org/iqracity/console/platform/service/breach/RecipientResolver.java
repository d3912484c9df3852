package org.iqracity.console.platform.service.breach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.RecipientRepository;
import org.iqracity.console.platform.store.RecipientRepository.Candidate;

/**
 * Turns a scope into the Member's affected learners (R1, R2, R8). Only the Member's own enrollments are read, so a
 * learner of another Member or one who never enrolled cannot be reached, whatever a list names; such list entries
 * come back as "not a learner of this Member" and nothing more is said about them.
 */
public final class RecipientResolver {
    public static final int MAX_LIST = 200_000;
    /** Lists longer than this are matched against one read of each course instead of looked up entry by entry. */
    static final int SCAN_ABOVE = 500;

    private final RecipientRepository repository;

    public RecipientResolver(RecipientRepository repository) {
        this.repository = repository;
    }

    /** The learners in scope (one per learner, sorted by id) and the list entries that matched no learner. */
    public record Resolution(List<Candidate> learners, List<String> unmatched) {
    }

    /** Refuses course ids that are not the Member's, in the same words whether they exist elsewhere or not. */
    public void checkCourses(String memberId, BreachScope scope) {
        courses(scope, repository.memberCourses(memberId));
    }

    public Resolution resolve(String memberId, BreachScope scope) {
        List<String> memberCourses = repository.memberCourses(memberId);
        List<String> courses = courses(scope, memberCourses);
        Map<String, Candidate> byLearner = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        if (scope.mode() == ScopeMode.LIST) {
            resolveList(memberId, courses, scope.learners(), byLearner, unmatched);
        } else {
            for (String course : courses) {
                repository.scanCourse(memberId, course, scope.enrolledFrom(), scope.enrolledTo(),
                        c -> keepLatest(byLearner, c));
            }
        }
        int mask = holdingMask(scope.holding());
        List<Candidate> learners = new ArrayList<>(byLearner.size());
        for (Candidate c : byLearner.values()) {
            if (mask == 0 || (c.holding() & mask) != 0) {
                learners.add(c);
            }
        }
        learners.sort((a, b) -> a.learnerId().compareTo(b.learnerId()));
        return new Resolution(learners, unmatched);
    }

    /**
     * The one learner, if the scope reaches them, with the enrollment the whole resolution would pick: for previewing
     * one learner's notice without reading everyone in scope.
     */
    public Optional<Candidate> one(String memberId, BreachScope scope, String learnerId) {
        List<String> courses = courses(scope, repository.memberCourses(memberId));
        Set<String> listed = new HashSet<>();
        scope.learners().stream().filter(Objects::nonNull)
                .forEach(e -> listed.add(e.strip().contains("@") ? e.strip().toLowerCase(Locale.ROOT) : e.strip()));
        Map<String, Candidate> byLearner = new HashMap<>();
        repository.byLearnerIds(memberId, courses, List.of(learnerId), c -> {
            boolean inScope = scope.mode() == ScopeMode.LIST
                    ? listed.contains(c.learnerId())
                    || c.email() != null && listed.contains(c.email().toLowerCase(Locale.ROOT))
                    : (scope.enrolledFrom() == null || !c.enrolledAt().isBefore(scope.enrolledFrom()))
                    && (scope.enrolledTo() == null || c.enrolledAt().isBefore(scope.enrolledTo()));
            if (inScope) {
                keepLatest(byLearner, c);
            }
        });
        int mask = holdingMask(scope.holding());
        return Optional.ofNullable(byLearner.get(learnerId))
                .filter(c -> mask == 0 || (c.holding() & mask) != 0);
    }

    private void resolveList(String memberId, List<String> courses, List<String> entries,
                             Map<String, Candidate> byLearner, List<String> unmatched) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("@")) {
                emails.add(entry.toLowerCase(Locale.ROOT));
            } else {
                ids.add(entry);
            }
        }
        Set<String> foundIds = new HashSet<>();
        Set<String> foundEmails = new HashSet<>();
        if (ids.size() + emails.size() > SCAN_ABOVE) {
            // A long list: read the courses once and match in memory. Looking the entries up 500 at a time read
            // each course again for every 500 (a list of 200,000 took 7 s on the 20,000-learner sandbox).
            for (String course : courses) {
                repository.scanCourse(memberId, course, null, null, c -> {
                    boolean byId = ids.contains(c.learnerId());
                    String email = c.email() == null ? null : c.email().toLowerCase(Locale.ROOT);
                    boolean byEmail = email != null && emails.contains(email);
                    if (byId) {
                        foundIds.add(c.learnerId());
                    }
                    if (byEmail) {
                        foundEmails.add(email);
                    }
                    if (byId || byEmail) {
                        keepLatest(byLearner, c);
                    }
                });
            }
        } else {
            repository.byLearnerIds(memberId, courses, List.copyOf(ids), c -> {
                foundIds.add(c.learnerId());
                keepLatest(byLearner, c);
            });
            repository.byEmails(memberId, courses, List.copyOf(emails), c -> {
                if (c.email() != null) {
                    foundEmails.add(c.email().toLowerCase(Locale.ROOT));
                }
                keepLatest(byLearner, c);
            });
        }
        ids.stream().filter(id -> !foundIds.contains(id)).forEach(unmatched::add);
        emails.stream().filter(e -> !foundEmails.contains(e)).forEach(unmatched::add);
    }

    /** A learner in several of the Member's courses is told once, at the address of their latest enrollment. */
    private static void keepLatest(Map<String, Candidate> byLearner, Candidate c) {
        byLearner.merge(c.learnerId(), c, (old, now) -> now.enrolledAt().isAfter(old.enrolledAt()) ? now : old);
    }

    private static List<String> courses(BreachScope scope, List<String> memberCourses) {
        if (scope.courseIds().isEmpty()) {
            return memberCourses;
        }
        for (String id : scope.courseIds()) {
            if (!memberCourses.contains(id)) {
                // The same words whether the course belongs to another Member or does not exist (R1).
                throw PlatformException.invalid("scope.courseIds", "None of your Member's courses has the id "
                        + (id.length() > 200 ? id.substring(0, 200) + "…" : id) + ".");
            }
        }
        return List.copyOf(new LinkedHashSet<>(scope.courseIds()));
    }

    static int holdingMask(List<DataCategory> categories) {
        int mask = 0;
        for (DataCategory c : categories) {
            mask |= switch (c) {
                case NAME -> RecipientRepository.HOLDS_NAME;
                case EMAIL -> RecipientRepository.HOLDS_EMAIL;
                case LOCATION -> RecipientRepository.HOLDS_LOCATION;
                case DEMOGRAPHICS -> RecipientRepository.HOLDS_DEMOGRAPHICS;
                case GOALS_AND_BIO -> RecipientRepository.HOLDS_GOALS_AND_BIO;
                case MAILING_ADDRESS -> RecipientRepository.HOLDS_MAILING_ADDRESS;
                case ACTIVITY -> RecipientRepository.HOLDS_ACTIVITY;
                // every learner's copy holds a username and course performance
                case USERNAME, PERFORMANCE -> -1;
            };
        }
        return mask == -1 || (mask & 0x80000000) != 0 ? 0 : mask;
    }
}
