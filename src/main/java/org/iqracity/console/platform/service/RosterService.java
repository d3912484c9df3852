package org.iqracity.console.platform.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.platform.store.RosterRepository;
import org.iqracity.console.platform.store.RosterRepository.RosterRow;

/**
 * Streams a course roster as NDJSON (R14): a header line, one JSON array of strings per learner, and a signed
 * summary. Rows are read and written a batch at a time, so memory does not grow with the course.
 */
public final class RosterService {
    static final int BATCH = 2_000;
    /** Reads a stream's next batch while the stream writes the one before; a virtual thread a batch. */
    private static final Executor READERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roster-read-", 0).factory());

    private final CourseService courses;
    private final RosterRepository repository;
    private final SigningKeys keys;
    private final AccessLog accessLog;
    private final Clock clock;

    public RosterService(CourseService courses, RosterRepository repository, SigningKeys keys, AccessLog accessLog,
                         Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.keys = keys;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Checks access and records the export before the first byte (R3, R12); the caller then streams. */
    public Export prepare(Caller caller, String courseId, List<RosterField> fields) {
        courses.learnerCourse(caller, courseId);
        List<RosterField> cols = new ArrayList<>(fields.isEmpty() ? List.of(RosterField.values()) : fields);
        if (!cols.contains(RosterField.COURSE_ID)) {
            cols.addFirst(RosterField.COURSE_ID);
        }
        accessLog.record(AccessLog.by(caller, "ROSTER_EXPORT", "COURSE", courseId, courseId));
        return new Export(caller.memberId(), courseId, List.copyOf(cols),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), caller.username());
    }

    /** One prepared export; {@link #write} sends it. */
    public final class Export {
        private final String memberId;
        private final String courseId;
        private final List<RosterField> fields;
        private final String exportedAt;
        private final String exportedBy;

        Export(String memberId, String courseId, List<RosterField> fields, String exportedAt, String exportedBy) {
            this.memberId = memberId;
            this.courseId = courseId;
            this.fields = fields;
            this.exportedAt = exportedAt;
            this.exportedBy = exportedBy;
        }

        public void write(OutputStream out) throws IOException {
            MessageDigest digest = sha256();
            long count = 0;
            try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.writeStartObject();
                json.writeStringField("type", "header");
                json.writeStringField("format", RosterCanon.FORMAT);
                json.writeArrayFieldStart("fields");
                for (RosterField f : fields) {
                    json.writeString(f.column());
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
                // The next batch is read from the database while this one is written: on two cores the stream then
                // takes about as long as the reading alone instead of reading plus writing.
                CompletableFuture<List<RosterRow>> next = readAhead(null, 0);
                List<String> values = new ArrayList<>(fields.size());
                StringBuilder line = new StringBuilder(512);
                try {
                    while (true) {
                        List<RosterRow> batch = next.join();
                        next = batch.size() < BATCH ? null
                                : readAhead(batch.getLast().usernameKey(), batch.getLast().enrollmentId());
                        for (RosterRow row : batch) {
                            values.clear();
                            for (RosterField f : fields) {
                                values.add(value(row, f));
                            }
                            line.setLength(0);
                            RosterCanon.appendCsvLine(line, values);
                            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
                            json.writeStartArray();
                            for (String v : values) {
                                json.writeString(v);
                            }
                            json.writeEndArray();
                            json.writeRaw('\n');
                            count++;
                        }
                        if (next == null) {
                            break;
                        }
                        json.flush();
                    }
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                } finally {
                    if (next != null) {
                        // A client gone mid-stream: the batch being read is let finish, not left running on its own.
                        next.handle((rows, failure) -> null).join();
                    }
                }
                String sha = HexFormat.of().formatHex(digest.digest());
                String signature = keys.sign(RosterCanon.signedPayload(memberId, courseId, exportedAt, exportedBy,
                        fields, count, sha));
                json.writeObject(new RosterSummary(RosterSummary.TYPE, memberId, courseId, exportedAt, exportedBy,
                        fields.stream().map(RosterField::column).toList(), count, sha, keys.keyId(), signature));
                json.writeRaw('\n');
            }
        }

        private CompletableFuture<List<RosterRow>> readAhead(String afterKey, long afterId) {
            return CompletableFuture.supplyAsync(() -> repository.batch(memberId, courseId, afterKey, afterId, BATCH),
                    READERS);
        }
    }

    /** The canonical text of one field; a retired learner's personal fields are empty (R6). */
    static String value(RosterRow r, RosterField f) {
        if (r.retired() && f.personal()) {
            return "";
        }
        return switch (f) {
            case COURSE_ID -> r.courseId();
            case LEARNER_ID -> r.learnerId();
            case USERNAME -> r.username();
            case NAME -> nz(r.name());
            case EMAIL -> nz(r.email());
            case COUNTRY -> nz(r.country());
            case REGION -> nz(r.region());
            case LANGUAGE -> nz(r.language());
            case YEAR_OF_BIRTH -> r.yearOfBirth() == null ? "" : r.yearOfBirth().toString();
            case GENDER -> nz(r.gender());
            case LEVEL_OF_EDUCATION -> nz(r.levelOfEducation());
            case MODE -> r.mode();
            case ENROLLED_AT -> r.enrolledAt().toString();
            case ACTIVE -> Boolean.toString(r.active());
            case PROGRESS -> Double.toString(r.progress());
            case GRADE -> Double.toString(r.grade());
            case PASSED -> Boolean.toString(r.passed());
            case CERTIFICATE -> Boolean.toString(r.certificate());
            case LAST_ACTIVITY_AT -> r.lastActivityAt() == null ? "" : r.lastActivityAt().toString();
            case ACTIVE_DAYS -> Integer.toString(r.activeDays());
            case SPONSORED -> Boolean.toString(r.sponsored());
            case RETIRED -> Boolean.toString(r.retired());
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
