package org.iqracity.console.platform.service;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.platform.service.research.KAnonymity;
import org.iqracity.console.platform.service.research.LearnerRecord;
import org.iqracity.console.platform.service.research.Pseudonyms;
import org.iqracity.console.platform.service.research.QuasiIdentifiers;
import org.iqracity.console.platform.service.research.Regions;
import org.iqracity.console.platform.service.research.ResearchArchive;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.ResearchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Research exports (R11): a course's enrollments, pseudonymised, stripped of direct identifiers and free text,
 * coarsened and made k-anonymous, with a data dictionary; recorded in the access log before the first byte (R12).
 * Security officers and Member administrators of the course's Member only; another Member's course does not exist
 * (R1). The whole course is read before anything is written, because suppression depends on every row.
 */
public final class ResearchExportService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResearchExportService.class);

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

    /** Builds the de-identified dataset and logs the export; {@link Export#write} then sends it. */
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
        KAnonymity.Result result = KAnonymity.apply(records, k, regions);
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        ResearchExportSummary summary = new ResearchExportSummary(ResearchExportSummary.FORMAT, caller.memberId(),
                courseId, course.dto().title(), at, k, stable, QuasiIdentifiers.COLUMNS, records.size(),
                result.rows().size(), result.generalised(), result.suppressed(), result.level().index(),
                result.level().describe(), result.groups(), result.smallest(),
                List.of(ResearchExportSummary.SUMMARY, ResearchExportSummary.DICTIONARY, ResearchExportSummary.DATASET));
        accessLog.record(AccessLog.by(caller, "RESEARCH_EXPORT", "RESEARCH_EXPORT", logged(summary), courseId));
        LOGGER.info("research export of {} records: {} released, {} suppressed, step {}, k {}; read in {} ms, "
                + "anonymised in {} ms", records.size(), result.rows().size(), result.suppressed(),
                result.level().index(), k, (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return new Export(summary, result);
    }

    /** What the access-log entry names besides the course: the k, the key kind and the counts. */
    static String logged(ResearchExportSummary s) {
        return "k=" + s.k() + ";stableKey=" + s.stableKey() + ";learners=" + s.learnersInCourse() + ";exported="
                + s.recordsExported() + ";generalised=" + s.recordsGeneralised() + ";suppressed="
                + s.recordsSuppressed() + ";step=" + s.generalisationLevel();
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
