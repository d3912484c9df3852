package org.iqracity.console.ui.sponsors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.client.SponsorsClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.RetryWhenBack;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/**
 * Sponsor reports (R7) for a Member administrator: the sponsors and their courses, one report exactly as the sponsor
 * would receive it, its release (once per decision, whatever is retried) and the sponsor's release history.
 */
public final class SponsorReportsViewModel {

    public enum State { LOADING, READY, EMPTY, ERROR }

    /** What the report pane shows. */
    public enum ReportState { NONE, LOADING, READY, ERROR }

    /** One course of one sponsor: what the list offers to open. */
    public record Selection(SponsorSummaryDto sponsor, SponsorSummaryDto.CourseCount course) {
    }

    /** What a report can be saved as; the file's extension picks one when none is named. */
    public enum ExportFormat {
        CSV, XLSX, PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format a file name asks for: ".xlsx" and ".pdf" are those, anything else is CSV. */
        public static ExportFormat of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".xlsx") ? XLSX : name.endsWith(".pdf") ? PDF : CSV;
        }
    }

    /** The outcome of the last release or export, in words; {@code ok} picks the tone, {@code canRetry} the action. */
    public record Notice(boolean ok, String title, String text, boolean canRetry) {
    }

    private final AppState app;
    private final SponsorsClient client;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorMessages errors;
    private final ZoneId zone;

    private final ObservableList<SponsorSummaryDto> sponsors = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    /** Kept here: the application state holds it weakly. */
    private final RetryWhenBack retryWhenBack;
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReportState> reportState = new ReadOnlyObjectWrapper<>(ReportState.NONE);
    private final ReadOnlyObjectWrapper<SponsorReportDto> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> reportError = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SponsorReportRowDto> rows = FXCollections.observableArrayList();
    private final ObservableList<SponsorReleaseDto> releases = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper releasing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReleaseMarks marks = new ReleaseMarks();

    private BackgroundTask<SponsorReportDto> reportInFlight;
    private BackgroundTask<?> releasesInFlight;
    /** The release decided on and not yet seen to succeed; its key is reused until it does. */
    private ReleaseIntent pending;

    public SponsorReportsViewModel(AppState app, SponsorsClient client, TaskRunner tasks, Messages messages) {
        this(app, client, tasks, messages, ZoneId.systemDefault());
    }

    /** {@code zone}: where exported documents' dates are, as on screen. */
    public SponsorReportsViewModel(AppState app, SponsorsClient client, TaskRunner tasks, Messages messages,
                                   ZoneId zone) {
        this.app = app;
        this.retryWhenBack = new RetryWhenBack(app, () -> state.get() == State.ERROR, this::load);
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.zone = zone;
    }

    /** Loads the sponsors with sponsored learners in this Member's courses. */
    public void load() {
        state.set(State.LOADING);
        error.set(null);
        tasks.run(client::all).onSuccess(list -> {
            marks.forget();
            sponsors.setAll(list);
            state.set(list.isEmpty() ? State.EMPTY : State.READY);
            Selection now = selection.get();
            if (now != null) {
                select(now.sponsor().sponsorId(), now.course().courseId());
            }
        }).onFailure(e -> {
            app.report(e);
            error.set(errors.describe(e));
            state.set(State.ERROR);
        });
    }

    /** Opens one sponsor's report for one course, and the sponsor's release history. */
    public void select(SponsorSummaryDto sponsor, SponsorSummaryDto.CourseCount course) {
        if (sponsor == null || course == null) {
            return;
        }
        Selection previous = selection.get();
        selection.set(new Selection(sponsor, course));
        notice.set(null);
        loadReport();
        if (previous == null || !previous.sponsor().sponsorId().equals(sponsor.sponsorId())) {
            releases.clear();
        }
        loadReleases();
    }

    private void select(String sponsorId, String courseId) {
        for (SponsorSummaryDto s : sponsors) {
            if (s.sponsorId().equals(sponsorId)) {
                s.courses().stream().filter(c -> c.courseId().equals(courseId)).findFirst()
                        .ifPresent(c -> select(s, c));
                return;
            }
        }
    }

    /** Asks for the selected report again. */
    public void loadReport() {
        Selection now = selection.get();
        if (now == null) {
            return;
        }
        if (reportInFlight != null) {
            reportInFlight.cancel();
        }
        reportState.set(ReportState.LOADING);
        reportError.set(null);
        String sponsorId = now.sponsor().sponsorId();
        String courseId = now.course().courseId();
        reportInFlight = tasks.run(() -> client.report(sponsorId, courseId));
        reportInFlight.onSuccess(r -> {
            report.set(r);
            rows.setAll(r.rows());
            reportState.set(ReportState.READY);
        }).onFailure(e -> {
            app.report(e);
            report.set(null);
            rows.clear();
            reportError.set(errors.describe(e));
            reportState.set(ReportState.ERROR);
        }).onDone(() -> reportInFlight = null);
    }

    private void loadReleases() {
        Selection now = selection.get();
        if (now == null) {
            return;
        }
        if (releasesInFlight != null) {
            releasesInFlight.cancel();
        }
        String sponsorId = now.sponsor().sponsorId();
        BackgroundTask<List<SponsorReleaseDto>> task = tasks.run(() -> client.releases(sponsorId));
        releasesInFlight = task;
        task.onSuccess(releases::setAll).onFailure(app::report).onDone(() -> releasesInFlight = null);
    }

    /**
     * The release the person is about to confirm: what goes to whom. A release decided on earlier for the same
     * report whose outcome was not seen keeps its key, so confirming again cannot make a second release.
     */
    public ReleaseIntent prepareRelease() {
        SponsorReportDto shown = report.get();
        if (shown == null || reportState.get() != ReportState.READY) {
            return null;
        }
        if (pending == null || !pending.sameReport(shown.sponsorId(), shown.courseId())) {
            pending = ReleaseIntent.of(shown.sponsorId(), shown.sponsorName(), shown.kind(), shown.courseId(),
                    shown.courseTitle(), shown.rows().size());
        }
        return pending;
    }

    /** What the confirmation says will be shared, with whom. */
    public String confirmationText(ReleaseIntent intent) {
        return messages.format("sponsors.release.confirm.text", intent.sponsorName(), kind(intent.sponsorKind()),
                intent.courseTitle(), intent.learners());
    }

    /** Sends the prepared release; a second call while one is under way does nothing. */
    public void confirmRelease() {
        ReleaseIntent intent = pending;
        if (intent == null || releasing.get()) {
            return;
        }
        releasing.set(true);
        notice.set(null);
        tasks.run(() -> client.release(intent.sponsorId(), intent.courseId(), intent.idempotencyKey()))
                .onSuccess(release -> {
                    if (pending == intent) {
                        pending = null;
                    }
                    marks.released(intent.sponsorId(), intent.courseId(), release.releasedAt());
                    notice.set(new Notice(true, messages.get("sponsors.release.done.title"),
                            messages.format("sponsors.release.done.text", intent.sponsorName(), intent.courseTitle(),
                                    release.rowCount()), false));
                    loadReleases();
                })
                .onFailure(e -> {
                    app.report(e);
                    UserMessage m = errors.describe(e);
                    notice.set(new Notice(false, messages.get("sponsors.release.failed.title"),
                            m.text() + " " + m.hint(), true));
                })
                .onDone(() -> releasing.set(false));
    }

    /**
     * Saves a released snapshot, exactly as the sponsor receives it, to {@code target}: the platform's CSV, or its
     * PDF when the file is a ".pdf". Both come from the stored snapshot, never from today's data.
     */
    public void exportRelease(SponsorReleaseDto release, Path target) {
        if (release == null || target == null) {
            return;
        }
        if (ExportFormat.of(target) == ExportFormat.PDF) {
            export(target, () -> write(target, client.releasePdf(release.sponsorId(), release.releaseId())));
        } else {
            export(target, () -> write(target, client.releaseCsv(release.sponsorId(), release.releaseId())
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Saves the report as shown now (not a release) to {@code target}, in the format its extension names. */
    public void exportCurrent(Path target) {
        if (target != null) {
            exportCurrent(target, ExportFormat.of(target));
        }
    }

    /** Saves the report as shown now (not a release): CSV as the platform's columns, XLSX and PDF as on screen. */
    public void exportCurrent(Path target, ExportFormat format) {
        SponsorReportDto shown = report.get();
        if (shown == null || target == null) {
            return;
        }
        String kind = kind(shown.kind());
        export(target, () -> {
            switch (format) {
                case CSV -> write(target, SponsorReportCsv.of(shown).getBytes(StandardCharsets.UTF_8));
                case XLSX -> SponsorReportDocument.of(shown, kind, messages, zone).writeXlsx(target);
                case PDF -> SponsorReportDocument.of(shown, kind, messages, zone).writePdf(target);
            }
        });
    }

    /** Something that writes the target file whole, or not at all. */
    @FunctionalInterface
    private interface FileWrite {
        void run() throws Exception;
    }

    private void export(Path target, FileWrite write) {
        notice.set(null);
        tasks.job(messages.get("sponsors.export.job"), progress -> {
            write.run();
            return target;
        }).onSuccess(path -> notice.set(new Notice(true, messages.get("sponsors.export.done.title"),
                messages.format("sponsors.export.done.text", path.getFileName().toString()), false)))
                .onFailure(e -> {
                    app.report(e);
                    UserMessage m = errors.describe(e);
                    notice.set(new Notice(false, messages.get("sponsors.export.failed.title"),
                            m.text() + " " + m.hint(), false));
                });
    }

    /** The file appears only once complete. */
    private static void write(Path target, byte[] content) throws IOException {
        AtomicFiles.write(target, content);
    }

    /** "Employer", "Government program", "Institution". */
    public String kind(String kind) {
        if (kind == null) {
            return "";
        }
        String words = messages.get("sponsors.kind." + kind);
        return words.startsWith("!") ? kind : words;
    }

    public void dismissNotice() {
        notice.set(null);
    }


    public void dispose() {
        if (reportInFlight != null) {
            reportInFlight.cancel();
        }
        if (releasesInFlight != null) {
            releasesInFlight.cancel();
        }
    }

    /** When each course's report last went to its sponsor, and whether it changed since. */
    public ReleaseMarks marks() {
        return marks;
    }

    public ObservableList<SponsorSummaryDto> sponsors() {
        return sponsors;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReportState> reportStateProperty() {
        return reportState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SponsorReportDto> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> reportErrorProperty() {
        return reportError.getReadOnlyProperty();
    }

    public ObservableList<SponsorReportRowDto> rows() {
        return rows;
    }

    public ObservableList<SponsorReleaseDto> releases() {
        return releases;
    }

    public ReadOnlyBooleanProperty releasingProperty() {
        return releasing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
