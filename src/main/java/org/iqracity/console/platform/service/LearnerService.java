package org.iqracity.console.platform.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.LearnerRow;
import org.iqracity.console.platform.store.SearchText;

/** Enrolled learners of a course: list with search, filters, sorts and keyset paging, and the detail view. */
public final class LearnerService {
    /** Virtual threads for the queries that run beside a page's own. */
    private static final ExecutorService BESIDE = Executors.newVirtualThreadPerTaskExecutor();
    private static final Duration TOTAL_CACHE_TTL = Duration.ofSeconds(30);
    private static final int MAX_QUERY_LENGTH = 100;

    private final CourseService courses;
    private final LearnerRepository learners;
    private final CursorCodec cursors;
    private final AccessLog accessLog;
    private final LearnerDetailMapper detailMapper = new LearnerDetailMapper();
    private final Clock clock;
    private final Map<String, CachedTotal> totals = new ConcurrentHashMap<>();

    public LearnerService(CourseService courses, LearnerRepository learners, CursorCodec cursors, AccessLog accessLog,
                          Clock clock) {
        this.courses = courses;
        this.learners = learners;
        this.cursors = cursors;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    private static final int MAX_COUNTRIES = 250;
    /** Beyond any course's enrollments (the largest are 500,000); a page there is empty. */
    private static final int MAX_POSITION = 100_000_000;
    /** Ten years: longer than any course keeps activity. */
    private static final int MAX_INACTIVE_DAYS = 3650;

    public Page<LearnerRowDto> list(Caller caller, String courseId, LearnerQuery query) {
        validate(query);
        CourseRow course = courses.learnerCourse(caller, courseId);
        String prefix = searched(query) ? query.q().strip().toLowerCase(Locale.ROOT) : null;
        List<String> terms = searched(query) ? SearchText.terms(query.q()) : null;
        String fingerprint = fingerprint(courseId, terms, query);
        LearnerListQuery.Keyset after = query.cursor() == null ? null
                : cursors.decode(caller, fingerprint, query.sort(), query.cursor());
        // A page at a position continues the list its cursor came from (or opens the list, without one): the cursor
        // was checked above, its place in the list is not used.
        boolean continued = after != null;
        int skip = query.at() == null ? 0 : query.at();
        if (query.at() != null) {
            after = null;
        }
        Long inactiveBefore = query.inactiveDays() == null ? null
                : clock.instant().minus(Duration.ofDays(query.inactiveDays())).getEpochSecond();
        LearnerListQuery storeQuery = new LearnerListQuery(courseId, terms, query.mode(), query.active(),
                query.passed(), countries(query), query.minProgress(), query.maxProgress(), query.minGrade(),
                query.maxGrade(), inactiveBefore, query.sort(), query.descending(), after, query.limit() + 1, skip);
        // The total of a filtered list or a search and the access-log entry of a first page each cost a query of
        // their own: they run beside the page's, so the answer waits for the slowest of the three, not for their sum.
        // A search on H2 reads its total with its page.
        Future<Long> total = !storeQuery.searched() && !storeQuery.filtered()
                || storeQuery.searched() && learners.searchGivesTotal()
                ? null : BESIDE.submit(() -> total(fingerprint, storeQuery));
        // A search is logged with what was searched for (only the Member's officers read the log): a name typed
        // letter by letter shows who was being looked for.
        Future<?> logged = continued ? null : BESIDE.submit(() -> accessLog.record(prefix == null
                ? AccessLog.by(caller, "LEARNER_LIST", "COURSE", courseId, courseId)
                : AccessLog.by(caller, "LEARNER_SEARCH", "SEARCH", "\"" + prefix + "\"", courseId)));
        LearnerRepository.Read read = learners.read(storeQuery);
        List<LearnerRow> rows = read.rows();
        // One entry per list opened, search or filter change (following pages continue what was logged); it is
        // written before any row leaves (R12).
        await(logged);
        boolean more = rows.size() > query.limit();
        List<LearnerRow> page = more ? rows.subList(0, query.limit()) : rows;
        String next = null;
        if (more) {
            LearnerRow last = page.getLast();
            next = cursors.encode(caller, fingerprint, query.sort(),
                    new LearnerListQuery.Keyset(last.sortValue(), last.enrollmentId()));
        }
        long count = read.total().isPresent() ? read.total().getAsLong()
                : total == null ? course.enrollments() : await(total);
        return new Page<>(page.stream().map(LearnerService::toDto).toList(), next, count);
    }

    public LearnerDetailDto detail(Caller caller, String courseId, String learnerId) {
        CourseRow course = courses.learnerCourse(caller, courseId);
        if (learnerId == null || learnerId.length() > 64) {
            throw PlatformException.notFound();
        }
        LearnerRepository.DetailRow row = learners.detail(caller.memberId(), courseId, learnerId)
                .orElseThrow(PlatformException::notFound);
        // Written before anything is returned: no log entry, no data (R12).
        accessLog.record(AccessLog.by(caller, "LEARNER_VIEW", "LEARNER", learnerId, courseId));
        return detailMapper.map(row, course);
    }

    /** The result of work started beside the page; its failure is the request's failure. */
    private static <T> T await(Future<T> work) {
        if (work == null) {
            return null;
        }
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            throw new IllegalStateException("interrupted while waiting for the list's total", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private long total(String fingerprint, LearnerListQuery q) {
        Instant now = clock.instant();
        CachedTotal hit = totals.get(fingerprint);
        if (hit != null && hit.at().plus(TOTAL_CACHE_TTL).isAfter(now)) {
            return hit.total();
        }
        long total = learners.count(q);
        if (totals.size() > 10_000) {
            totals.clear();
        }
        totals.put(fingerprint, new CachedTotal(total, now));
        return total;
    }

    private record CachedTotal(long total, Instant at) {
    }

    static LearnerRowDto toDto(LearnerRow r) {
        // R6: a retired account is a placeholder whatever the row holds.
        return new LearnerRowDto(r.learnerId(), r.username(), r.retired() ? null : r.name(),
                r.retired() ? null : r.email(), r.retired() ? null : r.country(), r.enrolledAt(),
                EnrollmentMode.valueOf(r.mode()), r.active(), r.progress(), r.grade(), r.passed(), r.lastActivityAt(),
                r.sponsored(), r.retired());
    }

    private static boolean searched(LearnerQuery q) {
        return q.q() != null && !q.q().isBlank();
    }

    /** What a cursor continues: the search as matched (its folded words), the filters and the order. */
    private static String fingerprint(String courseId, List<String> terms, LearnerQuery q) {
        String text = String.join("|", courseId, String.valueOf(terms), String.valueOf(q.mode()),
                String.valueOf(q.active()), String.valueOf(q.passed()), String.valueOf(countries(q)),
                String.valueOf(q.minProgress()), String.valueOf(q.maxProgress()), String.valueOf(q.minGrade()),
                String.valueOf(q.maxGrade()), String.valueOf(q.inactiveDays()), q.sort().name(),
                Boolean.toString(q.descending()));
        return HexFormat.of().formatHex(Tokens.sha256Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void validate(LearnerQuery q) {
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

    /** The countries asked for, as the database holds them: upper case, each once, in a stable order. */
    private static List<String> countries(LearnerQuery q) {
        return q.countries().stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
    }

    private static void checkFraction(List<FieldError> errors, String field, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            errors.add(new FieldError(field, "Must be a number from 0 to 1."));
        }
    }
}
