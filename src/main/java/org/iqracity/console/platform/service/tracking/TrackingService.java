package org.iqracity.console.platform.service.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.ConsentCoverageDto.AggregateCount;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.IfMatch;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.TrackingRepository;
import org.iqracity.console.platform.store.TrackingRepository.VersionRow;

/**
 * Course tracking settings (R9): read, change with optimistic concurrency, history, revert, what a learner gets,
 * and aggregated consent coverage (R11). Every change is logged (R12); course scope and tenant wall as for learners.
 */
public final class TrackingService {
    /** Aggregates under this many learners are not shown (R11). */
    static final int SMALL_CELL = 5;
    private static final Duration COVERAGE_TTL = Duration.ofMinutes(1);

    private final CourseService courses;
    private final TrackingRepository repository;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Map<String, CachedCoverage> coverageCache = new ConcurrentHashMap<>();

    public TrackingService(CourseService courses, TrackingRepository repository, AccessLog accessLog, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public TrackingSettingsDto get(Caller caller, String courseId) {
        courses.learnerCourse(caller, courseId);
        return current(courseId);
    }

    /** Saves a new version if {@code ifMatch} names the current one; otherwise nothing changes (412). */
    public TrackingSettingsDto update(Caller caller, String courseId, String ifMatch, TrackingSettingsRequest request) {
        courses.learnerCourse(caller, courseId);
        long base = expectedVersion(ifMatch);
        List<FieldError> errors = TrackingRules.validate(request);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        return write(caller, courseId, base, TrackingDocuments.withIds(request), null, "TRACKING_UPDATE");
    }

    public TrackingSettingsDto revert(Caller caller, String courseId, String ifMatch, long toVersion) {
        courses.learnerCourse(caller, courseId);
        long base = expectedVersion(ifMatch);
        TrackingSettingsRequest old = repository.version(courseId, toVersion)
                .map(v -> TrackingDocuments.read(v.document()))
                .orElseThrow(() -> PlatformException.invalid("version", "There is no such version to revert to."));
        // An old version is held to today's rules: going back must not restore advertising filed as necessary.
        List<FieldError> errors = TrackingRules.validate(old);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid("version", "Version " + toVersion + " cannot be restored as it is: "
                    + errors.getFirst().message());
        }
        return write(caller, courseId, base, old, toVersion, "TRACKING_REVERT");
    }

    private TrackingSettingsDto write(Caller caller, String courseId, long base, TrackingSettingsRequest doc,
                                      Long revertedFrom, String action) {
        long current = repository.latest(courseId).map(VersionRow::version).orElse(0L);
        if (current != base) {
            throw conflict(current);
        }
        Instant now = clock.instant();
        VersionRow row = new VersionRow(courseId, base + 1, now, caller.staffId(), caller.displayName(), revertedFrom,
                TrackingDocuments.write(doc));
        if (!repository.insert(row)) {
            throw conflict(repository.latest(courseId).map(VersionRow::version).orElse(0L));
        }
        accessLog.record(AccessLog.by(caller, action, "COURSE_TRACKING", courseId + "@v" + row.version(), courseId));
        return toDto(row, doc);
    }

    public List<TrackingVersionDto> history(Caller caller, String courseId) {
        courses.learnerCourse(caller, courseId);
        List<VersionRow> rows = repository.history(courseId);
        List<TrackingVersionDto> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VersionRow row = rows.get(i);
            TrackingSettingsRequest now = TrackingDocuments.read(row.document());
            TrackingSettingsRequest before = i + 1 < rows.size()
                    ? TrackingDocuments.read(rows.get(i + 1).document()) : TrackingDocuments.platformDefault();
            out.add(new TrackingVersionDto(row.version(), row.createdAt(), row.actorName(),
                    TrackingDiff.describe(before, now), row.revertedFrom(),
                    TrackingDocuments.flagged(now).technologies().stream().filter(t -> t.necessityFlag() != null)
                            .toList()));
        }
        return out;
    }

    /** The settings at one earlier version, for a side-by-side comparison. */
    public TrackingSettingsDto atVersion(Caller caller, String courseId, long version) {
        courses.learnerCourse(caller, courseId);
        if (version == 0) {
            return new TrackingSettingsDto(courseId, 0, true, TrackingDocuments.platformDefault().categories(),
                    TrackingDocuments.platformDefault().technologies(), null, null);
        }
        VersionRow row = repository.version(courseId, version).orElseThrow(PlatformException::notFound);
        return toDto(row, TrackingDocuments.read(row.document()));
    }

    public EffectiveTrackingDto effective(Caller caller, String courseId, boolean analytics, boolean functional,
                                          boolean marketing, boolean gpc) {
        TrackingSettingsDto settings = get(caller, courseId);
        return TrackingRules.effective(settings.toRequest(), analytics, functional, marketing, gpc);
    }

    public ConsentCoverageDto coverage(Caller caller, String courseId) {
        courses.learnerCourse(caller, courseId);
        Instant now = clock.instant();
        CachedCoverage hit = coverageCache.get(courseId);
        TrackingRepository.Coverage c;
        if (hit != null && hit.at().plus(COVERAGE_TTL).isAfter(now)) {
            c = hit.coverage();
        } else {
            c = repository.coverage(courseId);
            coverageCache.put(courseId, new CachedCoverage(c, now));
        }
        return new ConsentCoverageDto(count(c.learners(), c.learners()), List.of(
                new ConsentCoverageDto.CategoryCoverage(TrackingCategory.STRICTLY_NECESSARY,
                        count(c.learners(), c.learners())),
                new ConsentCoverageDto.CategoryCoverage(TrackingCategory.PERFORMANCE,
                        count(c.analytics(), c.learners())),
                new ConsentCoverageDto.CategoryCoverage(TrackingCategory.FUNCTIONALITY,
                        count(c.functional(), c.learners())),
                new ConsentCoverageDto.CategoryCoverage(TrackingCategory.MARKETING,
                        count(c.marketing(), c.learners()))),
                count(c.gpc(), c.learners()));
    }

    private record CachedCoverage(TrackingRepository.Coverage coverage, Instant at) {
    }

    /**
     * R11: a count under 5 is not shown; neither is one whose complement within the course is under 5, since
     * subtracting it from the total would give the small group away.
     */
    static AggregateCount count(long value, long total) {
        if (value < SMALL_CELL) {
            return new AggregateCount(null, "fewer than " + SMALL_CELL);
        }
        long rest = total - value;
        if (rest > 0 && rest < SMALL_CELL) {
            return new AggregateCount(null, "all but fewer than " + SMALL_CELL);
        }
        return new AggregateCount(value, Long.toString(value));
    }

    private TrackingSettingsDto current(String courseId) {
        return repository.latest(courseId)
                .map(row -> toDto(row, TrackingDocuments.read(row.document())))
                .orElseGet(() -> {
                    TrackingSettingsRequest d = TrackingDocuments.platformDefault();
                    return new TrackingSettingsDto(courseId, 0, d.honourGlobalPrivacyControl(), d.categories(),
                            d.technologies(), null, null);
                });
    }

    private static TrackingSettingsDto toDto(VersionRow row, TrackingSettingsRequest stored) {
        TrackingSettingsRequest doc = TrackingDocuments.flagged(stored);
        return new TrackingSettingsDto(row.courseId(), row.version(), doc.honourGlobalPrivacyControl(),
                doc.categories(), doc.technologies(), row.createdAt(), row.actorName());
    }

    private static long expectedVersion(String ifMatch) {
        return IfMatch.version(ifMatch, "these settings");
    }

    private static PlatformException conflict(long current) {
        return new PlatformException(412, ProblemCode.VERSION_CONFLICT, "Version conflict",
                current < 0 ? "The If-Match value is not a version of these settings."
                        : "Someone saved a newer version (" + current + ") since you opened these settings.",
                List.of(), null);
    }

    /** For the sandbox: realistic settings for every course that has none. */
    public void seedSandbox(List<String> courseIds, String actorName) {
        for (String courseId : courseIds) {
            if (repository.latest(courseId).isEmpty()) {
                repository.insert(new VersionRow(courseId, 1, clock.instant(), null, actorName, null,
                        TrackingDocuments.write(TrackingDocuments.withIds(TrackingDocuments.sandbox(courseId)))));
            }
        }
    }
}
