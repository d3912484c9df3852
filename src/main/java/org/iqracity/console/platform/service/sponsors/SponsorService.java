package org.iqracity.console.platform.service.sponsors;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.ReleaseSnapshot;
import org.iqracity.console.platform.store.SponsorRepository;
import org.iqracity.console.platform.store.SponsorRepository.Release;
import org.iqracity.console.platform.store.SponsorRepository.Sponsor;
import org.iqracity.console.platform.store.SponsorRepository.SponsorCourse;

/**
 * Sponsor reports (R7): only what confirms enrollment, participation, progress and completion; viewed within course
 * scope (R3) and the tenant wall (R1); released by a Member administrator as an immutable snapshot, once per key.
 */
public final class SponsorService {
    /** The columns of a released report, R7's list and nothing else. */
    public static final List<String> COLUMNS = ReleaseSnapshot.COLUMNS;

    private final CourseService courses;
    private final SponsorRepository repository;
    private final AccessLog accessLog;
    private final Clock clock;

    public SponsorService(CourseService courses, SponsorRepository repository, AccessLog accessLog, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public List<SponsorSummaryDto> summary(Caller caller) {
        requireReader(caller);
        Map<String, List<SponsorCourse>> bySponsor = new LinkedHashMap<>();
        for (SponsorCourse sc : repository.summary(caller.memberId())) {
            if (caller.inScope(sc.courseId())) {
                bySponsor.computeIfAbsent(sc.sponsorId(), k -> new ArrayList<>()).add(sc);
            }
        }
        Map<String, Release> released = repository.latestReleases(caller.memberId());
        return bySponsor.values().stream().map(list -> new SponsorSummaryDto(list.getFirst().sponsorId(),
                list.getFirst().name(), list.getFirst().kind(), list.stream()
                .map(sc -> courseCount(caller, sc, released.get(SponsorRepository.pair(sc.sponsorId(), sc.courseId()))))
                .toList())).toList();
    }

    /**
     * A course of the tree, with its last release and whether the report has changed since: the rows as they are now,
     * written as a release would write them, against the release's own text. Reading them for this comparison is not
     * a view of the report (nothing of it is shown), so it is not logged as one.
     */
    private SponsorSummaryDto.CourseCount courseCount(Caller caller, SponsorCourse sc, Release last) {
        if (last == null) {
            return new SponsorSummaryDto.CourseCount(sc.courseId(), sc.title(), sc.learners());
        }
        List<SponsorReportRowDto> rows = repository.rows(caller.memberId(), sc.sponsorId(), sc.courseId());
        String now = csv(new SponsorReportDto(sc.sponsorId(), sc.name(), sc.kind(), sc.courseId(), sc.title(), rows));
        return new SponsorSummaryDto.CourseCount(sc.courseId(), sc.title(), sc.learners(), last.releasedAt(),
                !now.equals(last.content()));
    }

    public SponsorReportDto report(Caller caller, String sponsorId, String courseId) {
        requireReader(caller);
        CourseRow course = courses.learnerCourse(caller, courseId);
        Sponsor sponsor = visibleSponsor(caller, sponsorId);
        List<SponsorReportRowDto> rows = repository.rows(caller.memberId(), sponsor.id(), courseId);
        accessLog.record(AccessLog.by(caller, "SPONSOR_REPORT_VIEW", "SPONSOR", sponsor.id(), courseId));
        return new SponsorReportDto(sponsor.id(), sponsor.name(), sponsor.kind(), courseId, course.dto().title(), rows);
    }

    /** Releases the report as it is now; the same key again answers the first release and makes no other. */
    public Released release(Caller caller, String sponsorId, String courseId, String idempotencyKey) {
        if (!caller.has(Role.MEMBER_ADMIN)) {
            throw PlatformException.forbidden("Only a Member administrator releases sponsor reports.");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST,
                    "Send an Idempotency-Key header (up to 100 characters) so a repeated request releases once.");
        }
        SponsorReportDto report = report(caller, sponsorId, courseId);
        var existing = repository.releaseByKey(caller.memberId(), idempotencyKey);
        if (existing.isPresent()) {
            return sameRequest(existing.get(), sponsorId, courseId);
        }
        Release r = new Release(Tokens.newId().substring(0, 20), report.sponsorId(), courseId,
                clock.instant().truncatedTo(ChronoUnit.MICROS), caller.displayName(), report.rows().size(),
                        csv(report));
        if (!repository.insertRelease(caller.memberId(), r, caller.staffId(), idempotencyKey)) {
            return sameRequest(repository.releaseByKey(caller.memberId(), idempotencyKey).orElseThrow(), sponsorId,
                    courseId);
        }
        accessLog.record(AccessLog.by(caller, "SPONSOR_REPORT_RELEASE", "SPONSOR_RELEASE", r.id(), courseId));
        return new Released(dto(r), true);
    }

    /** A release and whether this call made it (false: an earlier call with the same key did). */
    public record Released(SponsorReleaseDto release, boolean created) {
    }

    private static Released sameRequest(Release r, String sponsorId, String courseId) {
        if (!r.sponsorId().equals(sponsorId) || !r.courseId().equals(courseId)) {
            throw PlatformException.invalid("Idempotency-Key", "This key was already used for another release.");
        }
        return new Released(dto(r), false);
    }

    public List<SponsorReleaseDto> releases(Caller caller, String sponsorId) {
        requireReader(caller);
        visibleSponsor(caller, sponsorId);
        return repository.releases(caller.memberId(), sponsorId).stream()
                .filter(r -> caller.inScope(r.courseId())).map(SponsorService::dto).toList();
    }

    /** The released snapshot as the sponsor receives it (CSV). */
    public String releaseCsv(Caller caller, String sponsorId, String releaseId) {
        if (!caller.has(Role.MEMBER_ADMIN)) {
            throw PlatformException.forbidden("Only a Member administrator hands reports to sponsors.");
        }
        Release r = repository.release(caller.memberId(), sponsorId, releaseId)
                .orElseThrow(PlatformException::notFound);
        accessLog.record(AccessLog.by(caller, "SPONSOR_REPORT_DOWNLOAD", "SPONSOR_RELEASE", r.id(), r.courseId()));
        return r.content();
    }

    /** The released snapshot as the sponsor receives it in print (PDF): the same rows as its CSV. */
    public byte[] releasePdf(Caller caller, String sponsorId, String releaseId) {
        if (!caller.has(Role.MEMBER_ADMIN)) {
            throw PlatformException.forbidden("Only a Member administrator hands reports to sponsors.");
        }
        Release r = repository.release(caller.memberId(), sponsorId, releaseId)
                .orElseThrow(PlatformException::notFound);
        Sponsor sponsor = repository.sponsor(sponsorId).orElseThrow(PlatformException::notFound);
        byte[] pdf = SponsorReleaseDocument.pdf(r, sponsor, courseTitle(caller, r.courseId()));
        accessLog.record(AccessLog.by(caller, "SPONSOR_REPORT_DOWNLOAD", "SPONSOR_RELEASE", r.id(), r.courseId()));
        return pdf;
    }

    /** The course's title for the cover of a release; its id if the course has gone since. */
    private String courseTitle(Caller caller, String courseId) {
        try {
            return courses.visibleCourse(caller, courseId).dto().title();
        } catch (PlatformException gone) {
            return courseId;
        }
    }

    static String csv(SponsorReportDto report) {
        StringBuilder sb = new StringBuilder(RosterCanon.csvLine(COLUMNS));
        for (SponsorReportRowDto row : report.rows()) {
            sb.append(RosterCanon.csvLine(List.of(SpreadsheetCsv.guard(row.learnerName()),
                    row.courseId(), row.enrollmentStatus(),
                    text(row.enrolledAt()), text(row.lastActivityAt()), Integer.toString(row.activeDays()),
                    Double.toString(row.progress()), Boolean.toString(row.completed()), Boolean.toString(row.passed()),
                    Boolean.toString(row.certificate()))));
        }
        return sb.toString();
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** A sponsor is visible only if it sponsors someone in this Member's courses (R1: others are "not found"). */
    private Sponsor visibleSponsor(Caller caller, String sponsorId) {
        boolean sponsorsHere = repository.summary(caller.memberId()).stream()
                .anyMatch(sc -> sc.sponsorId().equals(sponsorId) && caller.inScope(sc.courseId()));
        if (!sponsorsHere) {
            throw PlatformException.notFound();
        }
        return repository.sponsor(sponsorId).orElseThrow(PlatformException::notFound);
    }

    private static void requireReader(Caller caller) {
        if (!caller.readsLearners()) {
            throw PlatformException.forbidden("Your role does not include sponsor reports.");
        }
    }

    private static SponsorReleaseDto dto(Release r) {
        return new SponsorReleaseDto(r.id(), r.sponsorId(), r.courseId(), r.releasedAt(), r.releasedBy(), r.rowCount());
    }
}
