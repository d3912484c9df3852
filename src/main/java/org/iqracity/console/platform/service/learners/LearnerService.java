package org.iqracity.console.platform.service.learners;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.LearnerQueries;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.LearnerRow;

/** Enrolled learners of a course: list with search, filters, sorts and keyset paging, and the detail view. */
public final class LearnerService {
    /** Virtual threads for the queries that run beside a page's own. */
    private static final ExecutorService BESIDE = Executors.newVirtualThreadPerTaskExecutor();
    private static final Duration TOTAL_CACHE_TTL = Duration.ofSeconds(30);

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

    public Page<LearnerRowDto> list(Caller caller, String courseId, LearnerQuery query) {
        LearnerQueries.validate(query);
        CourseRow course = courses.learnerCourse(caller, courseId);
        String prefix = LearnerQueries.searched(query) ? query.q().strip().toLowerCase(Locale.ROOT) : null;
        String fingerprint = fingerprint(courseId, LearnerQueries.terms(query), query);
        LearnerListQuery.Keyset after = query.cursor() == null ? null
                : cursors.decode(caller, fingerprint, query.sort(), query.cursor());
        // A page at a position continues the list its cursor came from (or opens the list, without one): the cursor
        // was checked above, its place in the list is not used.
        boolean continued = after != null;
        if (query.at() != null) {
            after = null;
        }
        LearnerListQuery storeQuery = LearnerQueries.store(courseId, query, clock.instant(), after,
                query.limit() + 1);
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

    /** What a cursor continues: the search as matched (its folded words), the filters and the order. */
    private static String fingerprint(String courseId, List<String> terms, LearnerQuery q) {
        String text = String.join("|", courseId, String.valueOf(terms), String.valueOf(q.mode()),
                String.valueOf(q.active()), String.valueOf(q.passed()), String.valueOf(LearnerQueries.countries(q)),
                String.valueOf(q.minProgress()), String.valueOf(q.maxProgress()), String.valueOf(q.minGrade()),
                String.valueOf(q.maxGrade()), String.valueOf(q.inactiveDays()), q.sort().name(),
                Boolean.toString(q.descending()));
        return HexFormat.of().formatHex(Tokens.sha256Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }
}
