package org.iqracity.console.platform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.platform.store.CourseRepository;
import org.iqracity.console.platform.store.DataAccessException;
import org.iqracity.console.platform.store.RosterConversionRepository;

/**
 * Records unencrypted copies made of exported rosters (R14, R12). The copy was made on someone's computer, maybe
 * offline and days ago; the console reports it when it can. The report is recorded in the Member's access log, one
 * entry per course, in the same transaction as the report itself, so a report sent twice leaves one trace.
 *
 * <p>Any staff member of the Member may report a copy of courses within their scope: the copy exists whoever made
 * it, and refusing the report would only lose the trace. A report naming another Member, a course the Member does
 * not have or a course outside the reporter's scope answers exactly like a missing object (R1), and report ids are
 * the Member's own: an id another Member used is as fresh as any.
 */
public final class RosterConversions {
    public static final String ACTION = "ROSTER_CONVERT";
    public static final String OBJECT_TYPE = "ROSTER_CONVERSION";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Clocks of laptops drift; a conversion claimed further in the future than this is refused. */
    private static final Duration SKEW = Duration.ofHours(1);
    private static final long MAX_ROWS = 100_000_000_000L;

    private final CourseRepository courses;
    private final RosterConversionRepository repository;
    private final AccessLog accessLog;
    private final Clock clock;

    public RosterConversions(CourseRepository courses, RosterConversionRepository repository, AccessLog accessLog,
                             Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public record Receipt(RosterConversionDto dto, boolean created) {
    }

    public Receipt record(Caller caller, RosterConversionReport report) {
        Set<String> courseIds = validate(report);
        if (!caller.memberId().equals(report.memberId())) {
            throw PlatformException.notFound();
        }
        for (String courseId : courseIds) {
            if (courses.find(caller.memberId(), courseId).isEmpty() || !caller.scope().includes(courseId)) {
                throw PlatformException.notFound();
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return accessLog.recordWith(caller.memberId(), c -> {
                var earlier = repository.find(c, caller.memberId(), report.reportId());
                if (earlier.isPresent()) {
                    return new AccessLog.Logged<>(repeat(caller, report, earlier.get()), List.of());
                }
                repository.insert(c, new RosterConversionRepository.Row(report.reportId(), caller.memberId(),
                        caller.staffId(), report.format(), report.rowCount(), String.join("\n", courseIds),
                        report.rosterSha256(), report.exportedBy(), report.exportedAt(), report.convertedAt(), now));
                List<AccessLog.Event> events = new ArrayList<>();
                for (String courseId : courseIds) {
                    events.add(AccessLog.by(caller, ACTION, OBJECT_TYPE, report.reportId(), courseId));
                }
                return new AccessLog.Logged<>(new Receipt(new RosterConversionDto(report.reportId(), now, false),
                        true), events);
            });
        } catch (DataAccessException e) {
            // Another request recorded the same report between our look and our insert: that one holds.
            var earlier = repository.find(caller.memberId(), report.reportId()).orElseThrow(() -> e);
            return repeat(caller, report, earlier);
        }
    }

    private static Receipt repeat(Caller caller, RosterConversionReport report,
                                  RosterConversionRepository.Recorded earlier) {
        if (!earlier.memberId().equals(caller.memberId())) {
            throw PlatformException.notFound();
        }
        return new Receipt(new RosterConversionDto(report.reportId(), earlier.reportedAt(), true), false);
    }

    private Set<String> validate(RosterConversionReport r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.reportId() == null || !UUID.matcher(r.reportId()).matches()) {
            errors.add(new Problem.FieldError("reportId", "A lower-case UUID made by the console for this copy."));
        }
        if (r.memberId() == null || r.memberId().isBlank() || r.memberId().length() > 64) {
            errors.add(new Problem.FieldError("memberId", "The Member named in the roster's manifest."));
        }
        Set<String> courseIds = new LinkedHashSet<>();
        if (r.courseIds() == null || r.courseIds().isEmpty()
                || r.courseIds().size() > RosterConversionReport.MAX_COURSES) {
            errors.add(new Problem.FieldError("courseIds",
                    "Between 1 and " + RosterConversionReport.MAX_COURSES + " course ids from the manifest."));
        } else {
            for (String id : r.courseIds()) {
                if (id == null || id.isBlank() || id.length() > 200) {
                    errors.add(new Problem.FieldError("courseIds", "A course id is empty or too long."));
                    break;
                }
                courseIds.add(id);
            }
        }
        if (!"CSV".equals(r.format()) && !"XLSX".equals(r.format())) {
            errors.add(new Problem.FieldError("format", "CSV or XLSX."));
        }
        if (r.rowCount() < 0 || r.rowCount() > MAX_ROWS) {
            errors.add(new Problem.FieldError("rowCount", "The number of rows written, zero or more."));
        }
        if (r.rosterSha256() != null && !SHA256.matcher(r.rosterSha256()).matches()) {
            errors.add(new Problem.FieldError("rosterSha256", "64 lower-case hexadecimal digits, or absent."));
        }
        if (r.exportedBy() != null && r.exportedBy().length() > 100) {
            errors.add(new Problem.FieldError("exportedBy", "At most 100 characters."));
        }
        if (r.convertedAt() == null) {
            errors.add(new Problem.FieldError("convertedAt", "When the copy was written."));
        } else if (r.convertedAt().isAfter(clock.instant().plus(SKEW))) {
            errors.add(new Problem.FieldError("convertedAt", "Lies in the future; check the computer's clock."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        return courseIds;
    }
}
