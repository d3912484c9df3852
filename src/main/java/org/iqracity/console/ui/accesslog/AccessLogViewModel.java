package org.iqracity.console.ui.accesslog;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.client.AccessLogClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.ProgressSink;
import org.iqracity.console.ui.common.RetryWhenBack;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/**
 * The access log (R12) for a security officer: filtered, fetched a page at a time as the table scrolls, checked
 * for tampering, and exported as CSV in the background.
 */
public final class AccessLogViewModel {

    public enum State { LOADING, READY, EMPTY, ERROR }

    /** How a verdict reads: all is well, it could not be told, or the log was tampered with. */
    public enum Tone { INTACT, UNSURE, TAMPERED }

    /** What the last check of the chain found, in words. */
    public record Verdict(Tone tone, String title, String text) {
        public boolean intact() {
            return tone == Tone.INTACT;
        }
    }

    /** What the last export did, in words; {@code ok} picks the tone. */
    public record Notice(boolean ok, String text) {
    }

    static final int FIRST_PAGE = 100;
    static final int MORE_PAGE = 200;
    /** Ask for the next page this many rows before the end shows. */
    static final int PREFETCH_ROWS = 30;

    private final AppState app;
    private final AccessLogClient client;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorMessages errors;
    private final Duration debounce;
    private final ZoneId zone;
    private final ChainCheckpoints checkpoints;

    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>();
    private final StringProperty objectId = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    private final ObservableList<AccessLogEntryDto> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    /** Kept here: the application state holds it weakly. */
    private final RetryWhenBack retryWhenBack;
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loadingMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    private AccessLogFilter filter = AccessLogFilter.none();
    private String nextCursor;
    private BackgroundTask<Page<AccessLogEntryDto>> inFlight;
    private TaskRunner.Cancellable pendingReload;

    public AccessLogViewModel(AppState app, AccessLogClient client, TaskRunner tasks, Messages messages,
                              Duration debounce, ZoneId zone, ChainCheckpoints checkpoints) {
        this.app = app;
        this.retryWhenBack = new RetryWhenBack(app, () -> state.get() == State.ERROR, this::load);
        this.client = client;
        this.checkpoints = checkpoints;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.debounce = debounce;
        this.zone = zone;
        InvalidationListener changed = this::filtersChanged;
        for (Observable o : List.of(actor, action, objectId, from, to)) {
            o.addListener(changed);
        }
    }

    /** Asks for the first page with the filters as they are now; a request still running is dropped. */
    public void load() {
        cancelInFlight();
        filter = filter();
        nextCursor = null;
        state.set(State.LOADING);
        error.set(null);
        AccessLogFilter asked = filter;
        inFlight = tasks.run(() -> client.page(asked, null, FIRST_PAGE));
        inFlight.onSuccess(page -> {
            inFlight = null;
            rows.setAll(page.items());
            nextCursor = page.nextCursor();
            total.set(totalOf(page));
            state.set(page.items().isEmpty() ? State.EMPTY : State.READY);
        }).onFailure(e -> {
            inFlight = null;
            rows.clear();
            total.set(0);
            fail(e);
        });
    }

    private void filtersChanged(Observable ignored) {
        if (pendingReload != null) {
            pendingReload.cancel();
        }
        cancelInFlight();
        pendingReload = tasks.schedule(debounce, () -> {
            pendingReload = null;
            load();
        });
    }

    /** The table shows row {@code index}: near the end this fetches the next page. */
    public void rowShown(int index) {
        if (nextCursor != null && inFlight == null && index >= rows.size() - PREFETCH_ROWS) {
            loadMore();
        }
    }

    private void loadMore() {
        String cursor = nextCursor;
        AccessLogFilter asked = filter;
        loadingMore.set(true);
        inFlight = tasks.run(() -> client.page(asked, cursor, MORE_PAGE));
        inFlight.onSuccess(page -> {
            rows.addAll(page.items());
            nextCursor = page.nextCursor();
            total.set(totalOf(page));
        }).onFailure(e -> {
            // The rows already shown stay; scrolling to the end again tries once more.
            app.report(e);
            notice.set(new Notice(false, errors.describe(e).text()));
        }).onDone(() -> {
            inFlight = null;
            loadingMore.set(false);
        });
    }

    /**
     * The platform counts after it has logged this very read, so its total can run one ahead of the entries it
     * listed; once the last page is in, what is listed is the total.
     */
    private long totalOf(Page<AccessLogEntryDto> page) {
        return page.nextCursor() == null ? rows.size() : Math.max(page.total(), rows.size());
    }

    /**
     * Has the platform check every link of the chain, and that it still holds every entry of the head this computer
     * kept from the last check; says what it found and keeps the newly signed head.
     */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        String address = app.session().address();
        String member = app.session().me().member().id();
        ChainCheckpoint before = checkpoints.kept(address, member).orElse(null);
        verifying.set(true);
        verdict.set(null);
        tasks.run(() -> {
            ChainVerificationDto result = client.verify(before == null ? null : before.token());
            ChainCheckpoints.Outcome kept = result.checkpoint() == null ? null
                    : checkpoints.offer(address, member, result.checkpoint());
            if (kept == ChainCheckpoints.Outcome.KEPT) {
                checkpoints.save();
            }
            return verdictOf(result, before, kept);
        }).onSuccess(verdict::set).onFailure(e -> {
            app.report(e);
            UserMessage m = errors.describe(e);
            verdict.set(new Verdict(Tone.UNSURE, messages.get("accessLog.verify.failed.title"),
                    messages.get("accessLog.verify.failed") + " " + m.text() + " " + m.hint()));
        }).onDone(() -> verifying.set(false));
    }

    private Verdict verdictOf(ChainVerificationDto result, ChainCheckpoint before, ChainCheckpoints.Outcome kept) {
        String tampered = messages.get("accessLog.verify.broken.title");
        if (before != null && result.entries() < before.entries()
                && result.earlier() != ChainVerificationDto.Earlier.NOT_VERIFIABLE) {
            // Shorter than a head this platform signed: cut back, whatever the answer says.
            long first = result.firstBrokenSeq() == null ? result.entries() + 1
                    : Math.min(result.firstBrokenSeq(), result.entries() + 1);
            return new Verdict(Tone.TAMPERED, tampered, cutBack(first, before));
        }
        if (!result.intact()) {
            long first = result.firstBrokenSeq() == null ? result.entries() + 1 : result.firstBrokenSeq();
            return result.finding() == ChainVerificationDto.Finding.CUT_BACK && before != null
                    ? new Verdict(Tone.TAMPERED, tampered, cutBack(first, before))
                    : new Verdict(Tone.TAMPERED, tampered, messages.format("accessLog.verify.broken", first));
        }
        String intact = messages.format("accessLog.verify.intact", result.entries());
        if (kept == ChainCheckpoints.Outcome.NOT_SIGNED) {
            return new Verdict(Tone.UNSURE, messages.get("accessLog.verify.unsigned.title"),
                    intact + " " + messages.get("accessLog.verify.unsigned"));
        }
        String title = messages.get("accessLog.verify.intact.title");
        if (before == null || result.earlier() == null || result.earlier() == ChainVerificationDto.Earlier.NONE) {
            return new Verdict(Tone.INTACT, title, intact + " " + messages.get("accessLog.verify.firstCheckpoint"));
        }
        if (result.earlier() == ChainVerificationDto.Earlier.NOT_VERIFIABLE) {
            return new Verdict(Tone.INTACT, title, intact + " " + messages.format("accessLog.verify.unverifiable",
                    when(before)));
        }
        return new Verdict(Tone.INTACT, title, intact + " " + messages.format("accessLog.verify.held", before.entries(),
                when(before)));
    }

    private String cutBack(long first, ChainCheckpoint before) {
        return messages.format("accessLog.verify.cutBack", first, before.entries(), when(before));
    }

    private String when(ChainCheckpoint checkpoint) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone).format(checkpoint.verifiedAt());
    }

    /**
     * Saves the log, filtered as shown, to {@code target} as a status-bar job. The file appears only once complete:
     * a cancelled or failed export leaves nothing half-written behind.
     */
    public void exportCsv(Path target) {
        if (target == null || exporting.get()) {
            return;
        }
        AccessLogFilter asked = filter();
        long expected = total.get();
        exporting.set(true);
        notice.set(null);
        tasks.job(messages.get("accessLog.export.job"), progress -> write(asked, target, expected, progress))
                .onSuccess(lines -> notice.set(new Notice(true,
                        messages.format("accessLog.export.done", lines, target.getFileName().toString()))))
                .onFailure(e -> {
                    app.report(e);
                    UserMessage m = errors.describe(e);
                    notice.set(new Notice(false, messages.get("accessLog.export.failed") + " " + m.text()));
                })
                .onDone(() -> exporting.set(false));
    }

    private long write(AccessLogFilter asked, Path target, long expected, ProgressSink progress)
            throws IOException {
        LineCounter counter = AtomicFiles.replace(target, partial -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                LineCounter lines = new LineCounter(out, expected, progress);
                client.csv(asked, lines);
                return lines;
            }
        });
        // The header line is no entry.
        return Math.max(0, counter.lines - 1);
    }

    public void clearFilters() {
        actor.set("");
        action.set(null);
        objectId.set("");
        from.set(null);
        to.set(null);
    }

    public boolean filtered() {
        return !filter().isEmpty();
    }

    /** The filters as the platform reads them: whole days in this console's time zone, "to" taken inclusive. */
    AccessLogFilter filter() {
        return new AccessLogFilter(blankToNull(actor.get()), action.get(), blankToNull(objectId.get()),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void fail(Throwable e) {
        app.report(e);
        error.set(errors.describe(e));
        state.set(State.ERROR);
    }

    private void cancelInFlight() {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
            loadingMore.set(false);
        }
    }

    public void dispose() {
        cancelInFlight();
        if (pendingReload != null) {
            pendingReload.cancel();
        }
    }

    /** Escape: clears the typed filters (who, which object) if any. Returns false when there was nothing to clear. */
    public boolean clearSearch() {
        if (isBlank(actor.get()) && isBlank(objectId.get())) {
            return false;
        }
        actor.set("");
        objectId.set("");
        return true;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty actorProperty() {
        return actor;
    }

    /** An action code from {@link AccessLogWords#ACTIONS}, or null for any. */
    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public StringProperty objectIdProperty() {
        return objectId;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<AccessLogEntryDto> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingMoreProperty() {
        return loadingMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public void dismissVerdict() {
        verdict.set(null);
    }

    /** Counts CSV lines as they pass, to tell the job how far the export has come. */
    private static final class LineCounter extends FilterOutputStream {
        private final long expected;
        private final ProgressSink progress;
        private long lines;

        LineCounter(OutputStream out, long expected, ProgressSink progress) {
            super(out);
            this.expected = expected;
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                counted(1);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            int n = 0;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    n++;
                }
            }
            if (n > 0) {
                counted(n);
            }
        }

        private void counted(int n) {
            lines += n;
            progress.progress(null, expected > 0 ? Math.min(1.0, (double) lines / (expected + 1)) : -1);
        }
    }
}
