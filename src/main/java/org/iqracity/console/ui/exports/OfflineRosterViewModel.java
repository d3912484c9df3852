package org.iqracity.console.ui.exports;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.documents.XlsxWriter;
import org.iqracity.console.exports.RosterCopies;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterReader;
import org.iqracity.console.roster.RosterXlsx;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.roster.query.RosterQuery;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.common.ViewWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviewing an exported roster offline, read-only: open it with its passphrase (no network, no sign-in), check it
 * against the platform keys pinned at earlier sign-ins, then search, filter and sort it in the background.
 */
public final class OfflineRosterViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(OfflineRosterViewModel.class);

    public enum State { ASKING, READING, OPEN }

    private final TaskRunner tasks;
    private final Messages messages;
    private final RosterErrors errors;
    private final PinnedKeys pins;
    private final Clock clock;
    private final ConversionRecorder recorder;

    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    /** A private key file (as {@code gpg --export-secret-keys} writes it), for rosters encrypted to its key. */
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> course = new SimpleObjectProperty<>();
    private final ObjectProperty<String> passed = new SimpleObjectProperty<>();
    private final BooleanProperty hideRetired = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.ASKING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OfflineRoster> roster = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RosterManifest> manifest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signatureText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper viewText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper querying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper readProgress = new ReadOnlyDoubleWrapper(-1);
    private final ObservableList<String> courses = FXCollections.observableArrayList();
    private final IndexList rows = new IndexList();
    private int sortColumn = -1;
    private boolean descending;
    private BackgroundTask<?> reading;
    private BackgroundTask<int[]> query;
    private final IdleOrdering ordering;
    private int xlsxRowsPerSheet = XlsxWriter.MAX_ROWS_PER_SHEET;

    public OfflineRosterViewModel(TaskRunner tasks, Messages messages, PinnedKeys pins, Clock clock,
                                  ConversionRecorder recorder) {
        this.tasks = tasks;
        this.recorder = recorder;
        this.messages = messages;
        this.errors = new RosterErrors(messages);
        this.pins = pins;
        this.clock = clock;
        this.ordering = new IdleOrdering(tasks);
        for (Observable o : List.of(search, course, passed, hideRetired)) {
            o.addListener(x -> requery());
        }
    }

    private record Read(OfflineRoster roster, RosterReader.Opened opened, String verifiedBy) {
    }

    /**
     * Reads the chosen file in the background, with the roster's passphrase, or with the chosen private key file and
     * that key's passphrase (empty for a key without one); the passphrase is forgotten either way.
     */
    public void open() {
        boolean withKey = !keyFile.get().isBlank();
        if (file.get().isBlank() || (passphrase.get().isEmpty() && !withKey) || state.get() == State.READING) {
            error.set(file.get().isBlank() ? message("offline.problem.noFile") : message("offline.problem.noPassphrase"));
            return;
        }
        Path path = Path.of(file.get().strip());
        Path keyPath = withKey ? Path.of(keyFile.get().strip()) : null;
        char[] secret = passphrase.get().toCharArray();
        passphrase.set("");
        error.set(null);
        state.set(State.READING);
        readProgress.set(-1);
        AtomicBoolean stop = new AtomicBoolean();
        BackgroundTask<Read> task = tasks.job(messages.get("offline.job"), sink -> {
            long size = Math.max(1, Files.size(path));
            String[] by = {null};
            OfflineRoster.Builder builder = new OfflineRoster.Builder(
                    () -> stop.get() || Thread.currentThread().isInterrupted());
            try (InputStream in = new CountingStream(Files.newInputStream(path),
                    n -> sink.progress(messages.get("offline.job"), n / (double) size))) {
                RosterReader.Key key;
                if (keyPath == null) {
                    key = RosterReader.Key.passphrase(secret);
                } else {
                    try (InputStream keyIn = Files.newInputStream(keyPath)) {
                        key = RosterReader.Key.secretKeys(keyIn, secret);
                    }
                }
                RosterReader.Opened opened = RosterReader.readPinned(in, key, keyId -> {
                    Optional<PinnedKeys.Pinned> pin = keyId == null ? Optional.empty() : pins.byKeyId(keyId);
                    by[0] = pin.map(PinnedKeys.Pinned::address).orElse(null);
                    return pin.map(PinnedKeys.Pinned::key).orElse(null);
                }, clock, builder);
                return new Read(builder.build(), opened, by[0]);
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
        reading = task;
        task.onProgress((stage, fraction) -> readProgress.set(fraction))
                .onSuccess(this::opened)
                .onFailure(e -> {
                    if (!(e instanceof CancellationException)) {
                        LOGGER.info("could not open a roster: {}", e.getClass().getSimpleName());
                        error.set(errors.describe(e));
                    }
                    state.set(State.ASKING);
                })
                .onDone(() -> {
                    if (task.isCancelled()) {
                        stop.set(true);
                        state.set(State.ASKING);
                    }
                    reading = null;
                });
    }

    private void opened(Read read) {
        RosterManifest m = read.opened().manifest();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        exportedText.set(messages.format("offline.banner.exported", m.exportedByName(), m.exportedBy(),
                m.memberName(), when.format(m.exportedAt()),
                m.expiresAt() == null ? "-" : day.format(m.expiresAt()), m.rowCount(), m.courses().size()));
        viewText.set(views(m));
        verified.set(read.opened().signaturesVerified());
        signatureText.set(read.opened().signaturesVerified()
                ? messages.format("offline.banner.verified", read.verifiedBy())
                : messages.get("offline.banner.unverified"));
        courses.setAll(m.courses().stream().filter(c -> c.rowCount() > 0).map(RosterManifest.CourseEntry::courseId)
                .toList());
        manifest.set(m);
        roster.set(read.roster());
        ordering.roster(read.roster());
        sortColumn = -1;
        descending = false;
        state.set(State.OPEN);
        LOGGER.info("opened a roster of {} rows offline (signature {})", read.roster().rowCount(),
                read.opened().signaturesVerified() ? "verified" : "not checked");
        requery();
    }

    /**
     * What part of each course the roster holds when it is a view of the Learners screen (its search, filters and
     * order, signed with the rows), one sentence a course; empty for whole courses.
     */
    private String views(RosterManifest m) {
        ViewWords words = new ViewWords(messages);
        return m.courses().stream().filter(c -> c.view() != null)
                .map(c -> messages.format("offline.view", c.courseId(), c.rowCount(), words.describe(c.view())))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Client-side sort over the indexes; -1 restores the file's order. */
    public void sortBy(int column, boolean desc) {
        sortColumn = column;
        descending = desc;
        requery();
    }

    public RosterQuery currentQuery() {
        OfflineRoster r = roster.get();
        Map<Integer, String> equals = new HashMap<>();
        if (r != null) {
            filter(equals, r.columnOf("course_id"), course.get());
            filter(equals, r.columnOf("passed"), passed.get());
            if (hideRetired.get()) {
                filter(equals, r.columnOf("retired"), "false");
            }
        }
        return new RosterQuery(search.get(), equals, sortColumn, descending);
    }

    private static void filter(Map<Integer, String> equals, int column, String value) {
        if (column >= 0 && value != null) {
            equals.put(column, value);
        }
    }

    /** Runs the current search in the background; whatever ran before is cancelled and never shown. */
    private void requery() {
        OfflineRoster r = roster.get();
        if (query != null) {
            query.cancel();
        }
        if (r == null) {
            return;
        }
        RosterQuery q = currentQuery();
        AtomicBoolean superseded = new AtomicBoolean();
        querying.set(true);
        ordering.busy();
        BackgroundTask<int[]> task = tasks.run(() -> q.run(r, () -> superseded.get()
                || Thread.currentThread().isInterrupted()));
        query = task;
        task.onSuccess(indexes -> {
            rows.replace(indexes);
            querying.set(false);
        }).onFailure(e -> querying.set(false)).onDone(() -> {
            if (task.isCancelled()) {
                superseded.set(true);
            }
            if (query == task) {
                query = null;
                if (!task.isCancelled()) {
                    ordering.idle();
                }
            }
        });
    }

    /**
     * Writes every row, unencrypted, as CSV in the roster's canonical encoding. The View asks for confirmation
     * first: this copy leaves R14's protection, so it is recorded in the console's log.
     */
    public void convertToCsv(Path target) {
        OfflineRoster r = roster.get();
        RosterManifest m = manifest.get();
        if (r == null || m == null) {
            return;
        }
        notice.set("");
        error.set(null);
        Path csv = target.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? target
                : target.resolveSibling(target.getFileName() + ".csv");
        tasks.job(messages.get("offline.csv.job"), sink -> {
            RosterCopies.Made<Path> made = recorder.copy(csv, m, "CSV", r.rowCount(), partial -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(OwnerOnly.newOutputStream(partial),
                        StandardCharsets.UTF_8))) {
                    w.write(RosterCanon.csvLine(r.header()));
                    for (int i = 0; i < r.rowCount(); i++) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("cancelled");
                        }
                        w.write(SpreadsheetCsv.line(r.row(i)));
                        if (i % 10_000 == 0) {
                            sink.progress(messages.get("offline.csv.job"), i / (double) r.rowCount());
                        }
                    }
                }
                return csv;
            });
            return new Written(csv, made.report().report().reportId());
        }).onSuccess(written -> {
            LOGGER.warn("a roster of {} rows was converted to an unencrypted CSV file at the person's request",
                    r.rowCount());
            converted("offline.csv.done", written);
        }).onFailure(e -> {
            if (!(e instanceof CancellationException)) {
                error.set(errors.describe(e));
            }
        });
    }

    /**
     * Writes every row, unencrypted, as an .xlsx workbook: the CSV's header and rows, numbers and times typed, rows
     * past a sheet's 1,048,575 on "Roster (2)" and further sheets. Asked for and logged exactly as the CSV copy is.
     */
    public void convertToXlsx(Path target) {
        OfflineRoster r = roster.get();
        RosterManifest m = manifest.get();
        if (r == null || m == null) {
            return;
        }
        notice.set("");
        error.set(null);
        Path xlsx = target.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? target
                : target.resolveSibling(target.getFileName() + ".xlsx");
        int perSheet = xlsxRowsPerSheet;
        tasks.job(messages.get("offline.xlsx.job"), sink -> {
            RosterCopies.Made<Path> made = recorder.copy(xlsx, m, "XLSX", r.rowCount(), partial -> {
                try (RosterXlsx workbook = new RosterXlsx(perSheet)) {
                    workbook.header(r.header());
                    for (int i = 0; i < r.rowCount(); i++) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("cancelled");
                        }
                        workbook.row(r.row(i));
                        if (i % 10_000 == 0) {
                            // the rows are most of the work; packing the workbook is the rest
                            sink.progress(messages.get("offline.xlsx.job"), 0.8 * i / r.rowCount());
                        }
                    }
                    workbook.save(partial, m);
                }
                return xlsx;
            });
            return new Written(xlsx, made.report().report().reportId());
        }).onSuccess(written -> {
            LOGGER.warn("a roster of {} rows was converted to an unencrypted XLSX file at the person's request",
                    r.rowCount());
            converted("offline.xlsx.done", written);
        }).onFailure(e -> {
            if (!(e instanceof CancellationException)) {
                error.set(errors.describe(e));
            }
        });
    }

    private record Written(Path file, String reportId) {
    }

    /** Says where the copy is, then whether the platform's access log has it yet (R14). */
    private void converted(String key, Written written) {
        String done = messages.format(key, written.file().toString());
        notice.set(done + " " + messages.get("offline.convert.reporting"));
        recorder.send(written.reportId(), outcome -> notice.set(done + " " + messages.get(
                outcome == ConversionRecorder.Outcome.RECORDED ? "offline.convert.recorded"
                        : "offline.convert.waiting")));
    }

    /** Rows per sheet of a converted workbook, header included; tests make it small to see sheets continue. */
    void xlsxRowsPerSheet(int rows) {
        xlsxRowsPerSheet = rows;
    }

    /** Forgets the roster (and its rows) and stops what still runs. */
    public void close() {
        if (reading != null) {
            reading.cancel();
        }
        if (query != null) {
            query.cancel();
        }
        ordering.stop();
        rows.replace(new int[0]);
        roster.set(null);
        manifest.set(null);
        viewText.set("");
        courses.clear();
        notice.set("");
        error.set(null);
        state.set(State.ASKING);
    }

    private UserMessage message(String key) {
        return new UserMessage(messages.get(key + ".text"), messages.get(key + ".hint"));
    }

    public String value(int column, int row) {
        OfflineRoster r = roster.get();
        return r == null ? "" : r.value(column, row);
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> courseProperty() {
        return course;
    }

    public ObjectProperty<String> passedProperty() {
        return passed;
    }

    public BooleanProperty hideRetiredProperty() {
        return hideRetired;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OfflineRoster> rosterProperty() {
        return roster.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RosterManifest> manifestProperty() {
        return manifest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportedTextProperty() {
        return exportedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signatureTextProperty() {
        return signatureText.getReadOnlyProperty();
    }

    /** The views the roster holds, in words ({@link ViewWords}); empty when it holds whole courses. */
    public ReadOnlyStringProperty viewTextProperty() {
        return viewText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty queryingProperty() {
        return querying.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty readProgressProperty() {
        return readProgress.getReadOnlyProperty();
    }

    public ObservableList<String> courses() {
        return courses;
    }

    public IndexList rows() {
        return rows;
    }

    /** Counts the bytes read, to tell how far reading has come. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;
        private long reported;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= 1 << 18) {
                reported = count;
                progress.accept(count);
            }
        }
    }
}
