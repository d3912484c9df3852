package org.iqracity.console.ui.exports;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.concurrent.CancellationException;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.roster.query.RosterQuery;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.LearnerValues;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.common.ViewWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviewing an exported roster offline, read-only: open it with its passphrase (no network, no sign-in), check it
 * against the platform keys pinned at earlier sign-ins, then search, filter and sort it in the background. The work
 * is done by its parts: {@link OfflineReading} reads the file, {@link OfflineSearch} keeps the rows shown,
 * {@link OfflineConversion} writes unencrypted copies, {@link RosterBanner} and {@link RosterCells} put the roster
 * into words.
 */
public final class OfflineRosterViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(OfflineRosterViewModel.class);

    public enum State { ASKING, READING, OPEN }

    private final Messages messages;
    private final RosterErrors errors;
    private final LearnerValues values;
    private final RosterBanner banner;
    private final OfflineReading reading;
    private final OfflineSearch search;
    private final OfflineConversion conversion;

    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    /** A private key file (as {@code gpg --export-secret-keys} writes it), for rosters encrypted to its key. */
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.ASKING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OfflineRoster> roster = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RosterManifest> manifest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper exportedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper signatureText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper viewText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper readProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper readText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> courses = FXCollections.observableArrayList();
    private RosterCells cells;
    private BackgroundTask<OfflineReading.Read> opening;

    public OfflineRosterViewModel(TaskRunner tasks, Messages messages, PinnedKeys pins, Clock clock,
                                  ConversionRecorder recorder) {
        this.messages = messages;
        this.errors = new RosterErrors(messages);
        this.values = new LearnerValues(messages);
        this.banner = new RosterBanner(messages);
        this.reading = new OfflineReading(tasks, messages, pins, clock);
        this.search = new OfflineSearch(tasks);
        this.conversion = new OfflineConversion(tasks, messages, recorder);
    }

    /**
     * Reads the chosen file in the background, with the roster's passphrase, or with the chosen private key file and
     * that key's passphrase (empty for a key without one); the passphrase is forgotten either way.
     */
    public void open() {
        boolean withKey = !keyFile.get().isBlank();
        if (file.get().isBlank() || (passphrase.get().isEmpty() && !withKey) || state.get() == State.READING) {
            error.set(file.get().isBlank() ? message("offline.problem.noFile")
                    : message("offline.problem.noPassphrase"));
            return;
        }
        Path path = Path.of(file.get().strip());
        Path keyPath = withKey ? Path.of(keyFile.get().strip()) : null;
        char[] secret = passphrase.get().toCharArray();
        passphrase.set("");
        error.set(null);
        state.set(State.READING);
        progressed(-1);
        BackgroundTask<OfflineReading.Read> task = reading.start(path, keyPath, secret);
        opening = task;
        task.onProgress((stage, fraction) -> progressed(fraction))
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
                        state.set(State.ASKING);
                    }
                    opening = null;
                });
    }

    /** Stops reading the file; the form asks again. */
    public void cancelOpening() {
        if (opening != null) {
            opening.cancel();
        }
    }

    private void progressed(double fraction) {
        readProgress.set(fraction);
        readText.set(fraction < 0 ? messages.get("offline.reading.start")
                : messages.format("offline.reading.progress", NumberFormat.getPercentInstance(messages.locale())
                        .format(fraction)));
    }

    private void opened(OfflineReading.Read read) {
        RosterManifest m = read.opened().manifest();
        boolean signed = read.opened().signaturesVerified();
        exportedText.set(banner.exported(m));
        viewText.set(banner.views(m));
        verified.set(signed);
        signatureText.set(banner.signature(signed, read.verifiedBy()));
        courses.setAll(m.courses().stream().filter(c -> c.rowCount() > 0).map(RosterManifest.CourseEntry::courseId)
                .toList());
        cells = new RosterCells(read.roster().header(), values);
        manifest.set(m);
        roster.set(read.roster());
        state.set(State.OPEN);
        LOGGER.info("opened a roster of {} rows offline (signature {})", read.roster().rowCount(),
                signed ? "verified" : "not checked");
        search.roster(read.roster());
    }

    /** Client-side sort over the indexes; -1 restores the file's order. */
    public void sortBy(int column, boolean desc) {
        search.sortBy(column, desc);
    }

    public RosterQuery currentQuery() {
        return search.current();
    }

    /**
     * Writes every row, unencrypted, as CSV in the roster's column order. The View asks for confirmation first: this
     * copy leaves R14's protection, so it is recorded in the console's log and reported to the platform's.
     */
    public void convertToCsv(Path target) {
        convertToCsv(target, CopyScope.ALL_ROWS);
    }

    /** As {@link #convertToCsv(Path)}, of every row or of the rows the table shows, in its order. */
    public void convertToCsv(Path target, CopyScope scope) {
        convert(OfflineConversion.Format.CSV, target, scope);
    }

    /**
     * Writes every row, unencrypted, as an .xlsx workbook: the CSV's header and rows, numbers and times typed, rows
     * past a sheet's 1,048,575 on "Roster (2)" and further sheets. Asked for and logged exactly as the CSV copy is.
     */
    public void convertToXlsx(Path target) {
        convertToXlsx(target, CopyScope.ALL_ROWS);
    }

    /** As {@link #convertToXlsx(Path)}, of every row or of the rows the table shows, in its order. */
    public void convertToXlsx(Path target, CopyScope scope) {
        convert(OfflineConversion.Format.XLSX, target, scope);
    }

    private void convert(OfflineConversion.Format format, Path target, CopyScope scope) {
        OfflineRoster r = roster.get();
        RosterManifest m = manifest.get();
        if (r == null || m == null) {
            return;
        }
        error.set(null);
        int[] rows = scope == CopyScope.VIEW ? search.rows.indexes() : everyRow(r.rowCount());
        conversion.convert(format, target, r, m, scope, rows, error::set, errors);
    }

    private static int[] everyRow(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Rows per sheet of a converted workbook, header included; tests make it small to see sheets continue. */
    void xlsxRowsPerSheet(int rows) {
        conversion.xlsxRowsPerSheet(rows);
    }

    /** Forgets the roster (and its rows) and stops what still runs. */
    public void close() {
        cancelOpening();
        search.close();
        roster.set(null);
        manifest.set(null);
        cells = null;
        viewText.set("");
        courses.clear();
        conversion.clear();
        error.set(null);
        state.set(State.ASKING);
    }

    private UserMessage message(String key) {
        return new UserMessage(messages.get(key + ".text"), messages.get(key + ".hint"));
    }

    /** A value as the file has it. */
    public String value(int column, int row) {
        OfflineRoster r = roster.get();
        return r == null ? "" : r.value(column, row);
    }

    /** A value as the table shows it: worded as the Learners screen words it ({@link RosterCells}). */
    public String shown(int column, int row) {
        OfflineRoster r = roster.get();
        return r == null || cells == null ? "" : cells.shown(column, r.value(column, row));
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
        return search.search;
    }

    public ObjectProperty<String> courseProperty() {
        return search.course;
    }

    public ObjectProperty<String> passedProperty() {
        return search.passed;
    }

    public BooleanProperty hideRetiredProperty() {
        return search.hideRetired;
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

    /** The copy the platform's access log has just recorded; null until one is. */
    public ReadOnlyObjectProperty<Path> recordedCopyProperty() {
        return conversion.recorded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return conversion.notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty queryingProperty() {
        return search.querying.getReadOnlyProperty();
    }

    /** How much of the file has been read and decrypted, 0 to 1; negative before the first bytes are decrypted. */
    public ReadOnlyDoubleProperty readProgressProperty() {
        return readProgress.getReadOnlyProperty();
    }

    /** The same, in words for the person waiting. */
    public ReadOnlyStringProperty readTextProperty() {
        return readText.getReadOnlyProperty();
    }

    public ObservableList<String> courses() {
        return courses;
    }

    public IndexList rows() {
        return search.rows;
    }
}
