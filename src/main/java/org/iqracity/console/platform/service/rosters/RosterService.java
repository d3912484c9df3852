package org.iqracity.console.platform.service.rosters;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.LearnerQueries;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.LearnerRow;
import org.iqracity.console.platform.store.RosterRepository;
import org.iqracity.console.platform.store.RosterRepository.RosterRow;

/**
 * Streams a course roster as NDJSON (R14): a header line, one JSON array of strings per learner, and a signed
 * summary. Rows are read and written a batch at a time, so memory does not grow with the course. A roster is of the
 * whole course in username order, or of a view of it: the learner list's search, filters and order, its rows and
 * their order read exactly as the list reads its pages, and the view signed with them.
 */
public final class RosterService {
    static final int BATCH = 2_000;
    /**
     * Rows a batch of a view's roster: each is a page of the learner list, then its rows' roster columns by id. On
     * the 500,000 course (H2, 2026-12-07) batches of 500 and 1,000 were alike within the machine's noise (a view in
     * name order 1.1-2.7 times the whole course's time); with 4,000, 4.6 times (H2 reads 4,000 ids in one IN list).
     */
    static final int VIEW_BATCH = 1_000;
    /** The longest text the access log keeps of an object (its column's width). */
    static final int LOGGED_VIEW_LENGTH = 300;
    /** Reads a stream's next batch while the stream writes the one before; a virtual thread a batch. */
    private static final Executor READERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roster-read-", 0).factory());

    private final CourseService courses;
    private final RosterRepository repository;
    private final LearnerRepository learners;
    private final SigningKeys keys;
    private final AccessLog accessLog;
    private final Clock clock;

    public RosterService(CourseService courses, RosterRepository repository, LearnerRepository learners,
                         SigningKeys keys, AccessLog accessLog, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.learners = learners;
        this.keys = keys;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Checks access and records the export of the whole course before the first byte (R3, R12). */
    public Export prepare(Caller caller, String courseId, List<RosterField> fields) {
        return prepare(caller, courseId, fields, null);
    }

    /**
     * Checks the view as the learner list checks its query (the same field errors), checks access, and records the
     * export before the first byte (R3, R12); the caller then streams. {@code view} null, or one that leaves nobody
     * out and keeps username order, is the whole course.
     */
    public Export prepare(Caller caller, String courseId, List<RosterField> fields, LearnerQuery view) {
        if (view != null) {
            LearnerQueries.validate(view);
        }
        courses.learnerCourse(caller, courseId);
        List<RosterField> cols = new ArrayList<>(fields.isEmpty() ? List.of(RosterField.values()) : fields);
        if (!cols.contains(RosterField.COURSE_ID)) {
            cols.addFirst(RosterField.COURSE_ID);
        }
        Instant now = clock.instant();
        RosterView asked = view == null ? null : RosterView.of(view);
        RosterView shown = asked == null || asked.wholeCourse() ? null : asked;
        // A view is logged with what it was (only the Member's officers read the log), as a search of the list is:
        // which learners left the platform in this copy is part of the record.
        accessLog.record(shown == null ? AccessLog.by(caller, "ROSTER_EXPORT", "COURSE", courseId, courseId)
                : AccessLog.by(caller, "ROSTER_EXPORT", "VIEW", logged(shown.text()), courseId));
        Source source = shown == null ? new WholeCourse(caller.memberId(), courseId)
                : new ViewOfCourse(caller.memberId(), courseId,
                        LearnerQueries.store(courseId, view, now, null, VIEW_BATCH));
        return new Export(caller.memberId(), courseId, shown == null ? null : shown.text(), List.copyOf(cols),
                now.truncatedTo(ChronoUnit.SECONDS).toString(), caller.username(), source);
    }

    /**
     * The view as the access log keeps it: whole when it fits the log's column, which it does unless hundreds of
     * countries were picked; else cut, with an ellipsis, after the search and the first filters (the search comes
     * first). The roster itself signs the view whole.
     */
    static String logged(String view) {
        if (view.length() <= LOGGED_VIEW_LENGTH) {
            return view;
        }
        int cut = LOGGED_VIEW_LENGTH - 1;
        if (Character.isHighSurrogate(view.charAt(cut - 1))) {
            cut--; // never half a character: PostgreSQL refuses a lone surrogate
        }
        return view.substring(0, cut) + "\u2026";
    }

    /** A batch of rows and how to read the one after it; {@code next} is null after the last. */
    private record Batch(List<RosterRow> rows, Supplier<Batch> next) {
    }

    /** Where a stream's rows come from, a batch at a time. */
    private interface Source {
        Batch first();
    }

    /** The whole course in username order: ranges of the roster index (V12). */
    private final class WholeCourse implements Source {
        private final String memberId;
        private final String courseId;

        WholeCourse(String memberId, String courseId) {
            this.memberId = memberId;
            this.courseId = courseId;
        }

        @Override
        public Batch first() {
            return after(null, 0);
        }

        private Batch after(String key, long id) {
            List<RosterRow> rows = repository.batch(memberId, courseId, key, id, BATCH);
            RosterRow last = rows.isEmpty() ? null : rows.getLast();
            return new Batch(rows, rows.size() < BATCH ? null : () -> after(last.usernameKey(), last.enrollmentId()));
        }
    }

    /**
     * A view: each batch is the learner list's next page of the query, read by the list's own code and continued
     * from its last row as a cursor continues the list, so the roster holds the rows the list shows, in its order;
     * then those rows' roster columns.
     */
    private final class ViewOfCourse implements Source {
        private final String memberId;
        private final String courseId;
        private final LearnerListQuery query;

        ViewOfCourse(String memberId, String courseId, LearnerListQuery query) {
            this.memberId = memberId;
            this.courseId = courseId;
            this.query = query;
        }

        @Override
        public Batch first() {
            return page(query);
        }

        private Batch page(LearnerListQuery q) {
            List<LearnerRow> listed = learners.read(q).rows();
            List<RosterRow> rows = repository.rows(memberId, courseId,
                    listed.stream().map(LearnerRow::enrollmentId).toList());
            if (listed.size() < q.limit()) {
                return new Batch(rows, null);
            }
            LearnerRow last = listed.getLast();
            return new Batch(rows, () -> page(q.after(new LearnerListQuery.Keyset(last.sortValue(),
                    last.enrollmentId()))));
        }
    }

    /** One prepared export; {@link #write} sends it. */
    public final class Export {
        private final String memberId;
        private final String courseId;
        private final String view;
        private final List<RosterField> fields;
        private final String exportedAt;
        private final String exportedBy;
        private final Source source;

        Export(String memberId, String courseId, String view, List<RosterField> fields, String exportedAt,
               String exportedBy, Source source) {
            this.memberId = memberId;
            this.courseId = courseId;
            this.view = view;
            this.fields = fields;
            this.exportedAt = exportedAt;
            this.exportedBy = exportedBy;
            this.source = source;
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
                CompletableFuture<Batch> next = readAhead(source::first);
                List<String> values = new ArrayList<>(fields.size());
                StringBuilder line = new StringBuilder(512);
                try {
                    while (true) {
                        Batch batch = next.join();
                        next = batch.next() == null ? null : readAhead(batch.next());
                        for (RosterRow row : batch.rows()) {
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
                        view, fields, count, sha));
                json.writeObject(new RosterSummary(RosterSummary.TYPE, memberId, courseId, exportedAt, exportedBy,
                        view, fields.stream().map(RosterField::column).toList(), count, sha, keys.keyId(),
                        signature));
                json.writeRaw('\n');
            }
        }

        private CompletableFuture<Batch> readAhead(Supplier<Batch> read) {
            return CompletableFuture.supplyAsync(read, READERS);
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
