package org.iqracity.console.platform.service.rosters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.SigningKeys;
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
 * the Member's own: an id another Member used is as fresh as any. Who exported, when and how many rows are taken
 * from the roster's signed course summaries as far as this platform's signature holds ({@link #vouched}), never from
 * what the reporter says.
 */
public final class RosterConversions {
    public static final String ACTION = "ROSTER_CONVERT";
    public static final String OBJECT_TYPE = "ROSTER_CONVERSION";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Clocks of laptops drift; a conversion claimed further in the future than this is refused. */
    private static final Duration SKEW = Duration.ofHours(1);
    private static final long MAX_ROWS = 100_000_000_000L;
    /** Longer than any view the learner list accepts (100 characters of search, 250 countries, the rest). */
    static final int MAX_VIEW_LENGTH = 2_000;

    private final CourseRepository courses;
    private final RosterConversionRepository repository;
    private final AccessLog accessLog;
    private final SigningKeys signing;
    private final Clock clock;

    public RosterConversions(CourseRepository courses, RosterConversionRepository repository, AccessLog accessLog,
                             SigningKeys signing, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.signing = signing;
        this.clock = clock;
    }

    /** How far the roster's signatures vouch for who exported, when and how many rows. */
    public enum Provenance { SIGNED, SIGNED_WITHOUT_EXPORTER, UNVERIFIED }

    /**
     * What the roster's signed course summaries establish: the exporter (one username, if every summary names the
     * same), the earliest export time and the rows, or nothing when any summary of a reported course is missing or
     * its signature is not this platform's.
     */
    public record Vouched(Provenance provenance, String exportedBy, Instant exportedAt, Long rows) {
        static final Vouched NOTHING = new Vouched(Provenance.UNVERIFIED, null, null, null);
    }

    Vouched vouched(RosterConversionReport r, Set<String> courseIds) {
        if (r.signed() == null || r.fields() == null || r.signed().size() != courseIds.size()) {
            return Vouched.NOTHING;
        }
        List<RosterField> fields = new ArrayList<>();
        for (String column : r.fields()) {
            Optional<RosterField> field = column == null ? Optional.empty()
                    : RosterField.byColumn(column);
            if (field.isEmpty()) {
                return Vouched.NOTHING;
            }
            fields.add(field.get());
        }
        Set<String> exporters = new HashSet<>();
        Instant earliest = null;
        long rows = 0;
        Set<String> seen = new HashSet<>();
        for (RosterConversionReport.SignedCourse c : r.signed()) {
            if (c == null || c.courseId() == null || !courseIds.contains(c.courseId()) || !seen.add(c.courseId())
                    || c.exportedAt() == null || c.sha256() == null || c.signature() == null
                    || !signed(r.memberId(), c, fields)) {
                return Vouched.NOTHING;
            }
            Instant at;
            try {
                at = Instant.parse(c.exportedAt());
            } catch (DateTimeParseException e) {
                return Vouched.NOTHING;
            }
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
            rows += c.rowCount();
            exporters.add(String.valueOf(c.exportedBy()));
        }
        boolean named = exporters.size() == 1 && !exporters.contains("null");
        return new Vouched(named ? Provenance.SIGNED : Provenance.SIGNED_WITHOUT_EXPORTER,
                named ? exporters.iterator().next() : null, earliest, rows);
    }

    /** Whether this platform signed the course's summary as reported, the view of the course included. */
    private boolean signed(String memberId, RosterConversionReport.SignedCourse c, List<RosterField> fields) {
        byte[] payload;
        try {
            payload = RosterCanon.signedPayload(memberId, c.courseId(), c.exportedAt(), c.exportedBy(), c.view(),
                    fields, c.rowCount(), c.sha256());
        } catch (IllegalArgumentException e) {
            // a view without an exporter, or of more than one line: no summary this platform signs
            return false;
        }
        return signing.verifies(payload, c.signature());
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
        Vouched vouched = vouched(report, courseIds);
        try {
            return accessLog.recordWith(caller.memberId(), c -> {
                var earlier = repository.find(c, caller.memberId(), report.reportId());
                if (earlier.isPresent()) {
                    return new AccessLog.Logged<>(repeat(caller, report, earlier.get()), List.of());
                }
                repository.insert(c, new RosterConversionRepository.Row(report.reportId(), caller.memberId(),
                        caller.staffId(), report.format(), report.rowCount(), String.join("\n", courseIds),
                        report.rosterSha256(), vouched.exportedBy(), vouched.exportedAt(), report.convertedAt(), now,
                        vouched.provenance().name(), vouched.rows()));
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
        if (r.signed() != null && r.signed().size() > RosterConversionReport.MAX_COURSES) {
            errors.add(new Problem.FieldError("signed", "At most " + RosterConversionReport.MAX_COURSES
                    + " course summaries, one per course."));
        }
        if (r.signed() != null && r.signed().stream().anyMatch(c -> c != null && c.view() != null
                && c.view().length() > MAX_VIEW_LENGTH)) {
            errors.add(new Problem.FieldError("signed", "A course's view is at most " + MAX_VIEW_LENGTH
                    + " characters."));
        }
        if (r.fields() != null && r.fields().size() > RosterField.values().length) {
            errors.add(new Problem.FieldError("fields", "The roster's columns, each once."));
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
