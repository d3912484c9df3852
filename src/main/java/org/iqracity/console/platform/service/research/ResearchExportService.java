package org.iqracity.console.platform.service.research;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.DataAccessException;
import org.iqracity.console.platform.store.ResearchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Research exports (R11): a course's enrollments, pseudonymised, stripped of direct identifiers and free text,
 * coarsened and made k-anonymous, with a data dictionary; recorded in the access log before the first byte (R12).
 * Security officers and Member administrators of the course's Member only; another Member's course does not exist
 * (R1). The whole course is read before anything is written, because suppression depends on every row. Exports
 * with the Member's kept key join on pseudonym; each is checked against the ones before it ({@link JoinHistory}).
 */
public final class ResearchExportService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResearchExportService.class);
    /** Tries of a stable-key export while others of the same Member are recorded at the same moment. */
    private static final int RECORD_ATTEMPTS = 3;

    private final CourseService courses;
    private final ResearchRepository repository;
    private final AccessLog accessLog;
    private final Regions regions;
    private final SecureRandom random;
    private final Clock clock;

    public ResearchExportService(CourseService courses, ResearchRepository repository, AccessLog accessLog,
                                 Regions regions, SecureRandom random, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.regions = regions;
        this.random = random;
        this.clock = clock;
    }

    /** Refuses a caller who may not export this course: 403 for the role, then 404 as for a course that is not. */
    public void checkAccess(Caller caller, String courseId) {
        course(caller, courseId);
    }

    private CourseRow course(Caller caller, String courseId) {
        if (!caller.has(Role.SECURITY_OFFICER) && !caller.has(Role.MEMBER_ADMIN)) {
            throw PlatformException.forbidden("Research exports are made by a security officer or a Member "
                    + "administrator.");
        }
        return courses.visibleCourse(caller, courseId);
    }

    /** The k asked for, or the refusal to name: below 5 is what R11 forbids. */
    public static int checkedK(ResearchExportRequest request) {
        int k = request.kOrDefault();
        if (k < ResearchExportRequest.MIN_K) {
            throw PlatformException.invalid("k", "k must be at least " + ResearchExportRequest.MIN_K
                    + ": every combination of quasi-identifiers must describe at least five learners (R11).");
        }
        if (k > ResearchExportRequest.MAX_K) {
            throw PlatformException.invalid("k", "k can be at most " + ResearchExportRequest.MAX_K + ".");
        }
        return k;
    }

    /**
     * Builds the de-identified dataset and logs the export; {@link Export#write} then sends it. A stable-key export
     * also records what it released in the Member's join history, in the transaction that logs it and so before
     * the first byte leaves: if sending fails, later exports are checked against a release that did not arrive,
     * which can only make them leave out more, never less.
     */
    public Export export(Caller caller, String courseId, ResearchExportRequest request) {
        CourseRow course = course(caller, courseId);
        int k = checkedK(request);
        boolean stable = request.stableKeyOrDefault();
        long started = System.nanoTime();
        List<LearnerRecord> records = new ArrayList<>();
        try (Pseudonyms pseudonyms = stable ? Pseudonyms.withKey(stableKey(caller.memberId()))
                : Pseudonyms.fresh(random)) {
            Map<String, String> shared = new HashMap<>();
            repository.forEachEnrollment(caller.memberId(), courseId, e -> records.add(new LearnerRecord(
                    pseudonyms.of(e.learnerId()), e.yearOfBirth(), one(shared, e.country()), one(shared, e.gender()),
                    one(shared, e.levelOfEducation()), e.enrolledAt(), one(shared, e.mode()), e.active(),
                    e.lastActivityAt(), e.progress(), e.grade(), e.passed(), e.certificate(), e.activeDays(),
                    e.videosWatched(), e.problemsAttempted(), e.forumPosts())));
        }
        long read = System.nanoTime();
        Export export = stable ? joinable(caller, course, k, records) : oneOff(caller, course, k, records);
        KAnonymity.Result result = export.result();
        LOGGER.info("research export of {} records: {} released, {} suppressed ({} for joins), step {}, k {}; read "
                + "in {} ms, anonymised and recorded in {} ms", records.size(), result.rows().size(),
                result.suppressed(), result.suppressedForJoins(), result.level().index(), k,
                (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return export;
    }

    private Export oneOff(Caller caller, CourseRow course, int k, List<LearnerRecord> records) {
        KAnonymity.Result result = KAnonymity.apply(records, k, regions);
        ResearchExportSummary summary = summary(caller, course, false, 0, records.size(), result);
        accessLog.record(event(caller, summary));
        return new Export(summary, result);
    }

    /**
     * An export with the Member's kept key, k-anonymous also in every join with the Member's earlier such exports.
     * Made again from the same records when another stable-key export of the Member was recorded meanwhile.
     */
    private Export joinable(Caller caller, CourseRow course, int k, List<LearnerRecord> records) {
        String memberId = caller.memberId();
        Set<String> pseudonyms = new HashSet<>();
        records.forEach(r -> pseudonyms.add(r.pseudonym()));
        for (int attempt = 1; ; attempt++) {
            ResearchRepository.JoinHistoryRows before = repository.joinHistory(memberId, pseudonyms);
            JoinHistory history = new JoinHistory(before.exports(), before.digests(), before.sharedBy());
            KAnonymity.Result result = KAnonymity.apply(records, k, regions, history);
            if (result.joinsLeaveOutTooMany()) {
                throw tooManyLeftOut(records.size(), result);
            }
            ResearchExportSummary summary = summary(caller, course, true, history.exports(), records.size(), result);
            Instant at = Instant.parse(summary.exportedAt());
            try {
                accessLog.recordWith(memberId, c -> {
                    repository.recordStableExport(c, memberId, history.nextExport(), course.dto().id(), k, at,
                            history.after(result.rows()), before.digests());
                    return new AccessLog.Logged<>(null, List.of(event(caller, summary)));
                });
                return new Export(summary, result);
            } catch (DataAccessException e) {
                if (!e.isDuplicateKey() || attempt == RECORD_ATTEMPTS) {
                    throw e;
                }
                LOGGER.info("another stable-key research export of the Member was recorded meanwhile; checking again");
            }
        }
    }

    /** 422 on {@code stableKey}: the sentence says how many would be left out, why, and what to do instead. */
    static PlatformException tooManyLeftOut(long learners, KAnonymity.Result result) {
        return PlatformException.invalid("stableKey", String.format(Locale.ROOT, "A stable-key export of this course "
                + "would leave out %,d of its %,d learners, more than the %d %% allowed. %,d of them were already "
                + "released by your Member's earlier stable-key exports, and joining those with this one on pseudonym "
                + "would put them in groups of fewer than %d learners (k). Export with new pseudonyms instead: that "
                + "dataset cannot be joined with other exports.", result.suppressed(), learners,
                KAnonymity.MAX_SUPPRESSED_PERCENT, result.suppressedForJoins(), result.k()));
    }

    private ResearchExportSummary summary(Caller caller, CourseRow course, boolean stable, int before,
                                          long learners, KAnonymity.Result result) {
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return ResearchArchive.summary(caller.memberId(), course.dto().id(), course.dto().title(), at, stable, before,
                learners, result);
    }

    private static AccessLog.Event event(Caller caller, ResearchExportSummary summary) {
        return AccessLog.by(caller, "RESEARCH_EXPORT", "RESEARCH_EXPORT", logged(summary), summary.courseId());
    }

    /** What the access-log entry names besides the course: the k, the key kind and the counts. */
    static String logged(ResearchExportSummary s) {
        return "k=" + s.k() + ";stableKey=" + s.stableKey() + ";learners=" + s.learnersInCourse() + ";exported="
                + s.recordsExported() + ";generalised=" + s.recordsGeneralised() + ";suppressed="
                + s.recordsSuppressed() + ";step=" + s.generalisationLevel()
                + (s.stableKey() ? ";stableExportsBefore=" + s.stableExportsBefore() + ";suppressedForJoins="
                + s.recordsSuppressedForJoins() : "");
    }

    private byte[] stableKey(String memberId) {
        String stored = repository.stableKey(memberId).orElseGet(() -> repository.storeStableKey(memberId,
                Base64.getEncoder().encodeToString(Pseudonyms.newKey(random)), clock.instant()));
        return Base64.getDecoder().decode(stored);
    }

    /** One instance per distinct value: half a million rows share a few dozen countries. */
    private static String one(Map<String, String> shared, String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    /** A built export: its summary and the archive to send. */
    public record Export(ResearchExportSummary summary, KAnonymity.Result result) {
        public void write(OutputStream out) throws IOException {
            ResearchArchive.write(out, summary, result);
        }

        /** A file name that names the course but no person, e.g. {@code research-CS101-2026_T1-2026-03-01.zip}. */
        public String fileName() {
            String id = summary.courseId();
            String tail = id.substring(id.indexOf(':') + 1).replaceAll("[^A-Za-z0-9_.-]+", "-");
            return "research-" + tail + "-" + summary.exportedAt().substring(0, 10) + ".zip";
        }
    }
}
