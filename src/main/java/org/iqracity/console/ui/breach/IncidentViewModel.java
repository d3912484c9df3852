package org.iqracity.console.ui.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.ui.breach.BreachContext.NoticeAction;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incident past its draft: approval by a second officer (with the fingerprints of what is approved), sending with
 * live progress, cancelling, retrying failures, the letters PDF, the record for the regulator and the site notice.
 */
public final class IncidentViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(IncidentViewModel.class);
    /** How often a sending incident is read again for its progress. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** The page of deliveries is read again every this many progress reads. */
    static final int DELIVERIES_EVERY = 5;

    /** How many messages a send would start: emails now, letters to print. */
    public record SendCounts(long emails, long letters) {
    }

    private final BreachContext ctx;
    private final ReadOnlyObjectWrapper<BreachPreviewDto> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private final StringProperty siteTitle = new SimpleStringProperty("");
    private final StringProperty siteBody = new SimpleStringProperty("");
    private boolean shown = true;
    private TaskRunner.Cancellable nextPoll;
    private BackgroundTask<?> pollInFlight;
    private BackgroundTask<?> previewInFlight;
    private Runnable onDeliveriesChanged = () -> { };
    private long polls;

    IncidentViewModel(BreachContext ctx) {
        this.ctx = ctx;
    }

    /** Called whenever another incident opens or the open one changed state. */
    void refresh() {
        IncidentDto now = ctx.incident();
        stopPolling();
        preview.set(null);
        if (now == null) {
            return;
        }
        if (now.state() == IncidentState.SUBMITTED) {
            loadPreview(now.id());
        }
        fillSiteNotice(now);
        if (now.state() == IncidentState.SENDING) {
            schedulePoll();
        }
    }

    void onDeliveriesChanged(Runnable action) {
        this.onDeliveriesChanged = action;
    }

    private void loadPreview(String id) {
        PlatformClient client = ctx.client();
        if (client == null) {
            return;
        }
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
        BackgroundTask<BreachPreviewDto> task = ctx.tasks.run(() -> client.breachPreview(id));
        previewInFlight = task;
        task.onSuccess(p -> {
            if (id.equals(ctx.incidentId())) {
                preview.set(p);
            }
        }).onFailure(ctx.app::report);
    }

    // Approval.

    /** The notice waits for approval and the platform says the signed-in officer, who wrote none of it, may give it. */
    public boolean mayApprove() {
        IncidentDto now = ctx.incident();
        return now != null && now.youMayApprove();
    }

    /** The recipients as the platform counts them now differ from those submitted: approval would be refused. */
    public boolean recipientsMoved() {
        IncidentDto now = ctx.incident();
        BreachPreviewDto p = preview.get();
        return now != null && p != null && now.recipientsFingerprint() != null && p.recipientsFingerprint() != null
                && !now.recipientsFingerprint().equals(p.recipientsFingerprint());
    }

    /**
     * Approves exactly the text and recipients whose fingerprints the screen shows, once the officer confirmed them
     * in a dialog beside the title and the number of learners reviewed.
     */
    public void approve() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.state() != IncidentState.SUBMITTED) {
            return;
        }
        if (!ctx.dialogs.confirmApproval(approval(now))) {
            return;
        }
        act(() -> client.approveIncident(now.id(), now.textFingerprint(), now.recipientsFingerprint()), dto ->
                ctx.say(NoticeKind.SUCCESS, ctx.messages.format("breach.notice.approved", dto.recipientCount())),
                e -> {
                    if (e instanceof ApiHttpException http && http.is(ProblemCode.FORBIDDEN)) {
                        ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.authorCannotApprove"));
                        return true;
                    }
                    // changed since it was reviewed, or approved or returned by someone else meanwhile
                    if (e instanceof ApiHttpException http && (http.is(ProblemCode.VERSION_CONFLICT)
                            || http.is(ProblemCode.STATE_CONFLICT))) {
                        ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.fingerprintMoved"),
                                NoticeAction.RELOAD);
                        return true;
                    }
                    return false;
                });
    }

    BreachDialogs.Approval approval(IncidentDto dto) {
        return new BreachDialogs.Approval(dto.title(), dto.recipientCount(),
                BreachFormat.shortFingerprint(dto.textFingerprint()),
                BreachFormat.shortFingerprint(dto.recipientsFingerprint()), dto.textFingerprint(),
                dto.recipientsFingerprint());
    }

    /** A notice's subject as every learner reads it, with what differs per learner marked. */
    public String filledSubject(IncidentDto dto) {
        return dto == null ? "" : new NoticeFill(ctx.messages).fill(dto.subject(), ctx.memberName(), facts(dto));
    }

    /** A notice's text as every learner reads it, with what differs per learner marked. */
    public String filledBody(IncidentDto dto) {
        return dto == null ? "" : new NoticeFill(ctx.messages).fill(dto.body(), ctx.memberName(), facts(dto));
    }

    private static NoticeFill.Facts facts(IncidentDto dto) {
        return new NoticeFill.Facts(dto.title(), dto.discoveredAt(), dto.occurredFrom(), dto.occurredTo(),
                dto.whatHappened(), dto.dataCategories(), dto.measures(), dto.learnerActions(), dto.contact());
    }

    /** Sends the notice back to its author as a draft, with the reason the timeline keeps. */
    public void returnToAuthor() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.state() != IncidentState.SUBMITTED) {
            return;
        }
        ctx.dialogs.askReason(new BreachDialogs.Question("returnDialog", ctx.messages.get("breach.return.title"),
                ctx.messages.get("breach.return.text"), ctx.messages.get("breach.return.ok"), false))
                .ifPresent(reason -> act(() -> client.returnIncident(now.id(), reason),
                        dto -> ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.returned")),
                        e -> {
                            if (e instanceof ApiHttpException http && http.is(ProblemCode.FORBIDDEN)) {
                                ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.authorCannotReturn"));
                                return true;
                            }
                            return false;
                        }));
    }

    // Sending.

    /** Counts what a send would start, asks the person with those numbers, then starts it. */
    public void send() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.state() != IncidentState.APPROVED) {
            return;
        }
        String id = now.id();
        busy.set(true);
        ctx.tasks.run(() -> {
            long emails = client.deliveries(id, DeliveryStatus.PENDING, NoticeChannel.EMAIL, null, 1).total();
            long letters = client.deliveries(id, null, NoticeChannel.LETTER, null, 1).total()
                    - client.deliveries(id, DeliveryStatus.UNREACHABLE, NoticeChannel.LETTER, null, 1).total();
            return new SendCounts(emails, Math.max(0, letters));
        }).onSuccess(counts -> {
            busy.set(false);
            if (!id.equals(ctx.incidentId()) || !ctx.dialogs.confirm(sendQuestion(counts))) {
                return;
            }
            act(() -> client.sendNotices(id), dto -> ctx.say(NoticeKind.INFO,
                    ctx.messages.format("breach.notice.sending", counts.emails())), e -> false);
        }).onFailure(e -> {
            busy.set(false);
            ctx.sayFailure(e);
        });
    }

    BreachDialogs.Question sendQuestion(SendCounts counts) {
        return new BreachDialogs.Question("sendDialog", ctx.messages.get("breach.send.title"),
                ctx.messages.format("breach.send.text", counts.emails(), counts.letters()),
                ctx.messages.format("breach.send.ok", counts.emails()), true);
    }

    /** Stops the notice wherever it is; messages not yet handed to the mail server are never sent. */
    public void cancel() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.state().finished()) {
            return;
        }
        String text = ctx.messages.get(now.state() == IncidentState.SENDING ? "breach.cancel.textSending"
                : "breach.cancel.text");
        ctx.dialogs.askReason(new BreachDialogs.Question("cancelDialog", ctx.messages.get("breach.cancel.title"),
                text, ctx.messages.get("breach.cancel.ok"), true))
                .ifPresent(reason -> act(() -> client.cancelIncident(now.id(), reason),
                        dto -> ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.cancelled")), e -> false));
    }

    /**
     * Records that the supervisory authority was notified: the step that stops the regulator's 72-hour clock. Once
     * per incident; the platform keeps it as it was recorded.
     */
    public void recordRegulatorNotification() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.regulatorNotification() != null) {
            return;
        }
        ctx.dialogs.askRegulatorNotification(new RegulatorNotificationRequest(ctx.clock.instant()
                .truncatedTo(ChronoUnit.MINUTES), "", ""))
                .ifPresent(request -> act(() -> client.recordRegulatorNotification(now.id(), request),
                        dto -> ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.regulatorRecorded")),
                        e -> false));
    }

    /** Failed emails go back to the sender; sending resumes. */
    public void retryFailed() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || now.progress().failed() == 0) {
            return;
        }
        long failed = now.progress().failed();
        act(() -> client.retryDeliveries(now.id()), dto -> ctx.say(NoticeKind.INFO,
                ctx.messages.format("breach.notice.retrying", failed)), e -> false);
    }

    private void act(Callable<IncidentDto> call, Consumer<IncidentDto> done,
                     Predicate<Throwable> handled) {
        busy.set(true);
        String id = ctx.incidentId();
        ctx.tasks.run(call).onSuccess(dto -> {
            busy.set(false);
            if (id.equals(ctx.incidentId())) {
                ctx.adopt(dto);
            }
            done.accept(dto);
            onDeliveriesChanged.run();
        }).onFailure(e -> {
            busy.set(false);
            if (!handled.test(e)) {
                ctx.sayFailure(e);
            }
        });
    }

    // Live progress.

    /** The screen is on view or not: progress is read only while someone can see it. */
    void setShown(boolean now) {
        shown = now;
        if (!now) {
            stopPolling();
        } else if (ctx.incident() != null && ctx.incident().state() == IncidentState.SENDING) {
            schedulePoll();
        }
    }

    private void schedulePoll() {
        if (!shown || nextPoll != null || pollInFlight != null) {
            return;
        }
        nextPoll = ctx.tasks.schedule(POLL, this::poll);
    }

    private void poll() {
        nextPoll = null;
        PlatformClient client = ctx.client();
        IncidentDto now = ctx.incident();
        if (!shown || client == null || now == null || now.state() != IncidentState.SENDING) {
            return;
        }
        String id = now.id();
        BackgroundTask<?> task = ctx.tasks.run(() -> client.incident(id)).onSuccess(v -> {
            pollInFlight = null;
            if (!id.equals(ctx.incidentId())) {
                return;
            }
            IncidentState before = ctx.incident().state();
            ctx.adopt(v);
            if (v.value().state() == IncidentState.SENDING) {
                // The table of deliveries follows too, less often than the counts: it is a page of rows.
                if (++polls % DELIVERIES_EVERY == 0) {
                    onDeliveriesChanged.run();
                }
                schedulePoll();
            } else if (before == IncidentState.SENDING) {
                finished(v.value());
            }
        }).onFailure(e -> {
            pollInFlight = null;
            ctx.app.report(e);
            LOGGER.debug("progress read failed: {}", e.getClass().getSimpleName());
            // Keep trying while the screen is open: the connection may come back.
            schedulePoll();
        });
        pollInFlight = task.isDone() ? null : task;
    }

    private void finished(IncidentDto dto) {
        onDeliveriesChanged.run();
        if (dto.state() == IncidentState.SENT) {
            ctx.say(dto.progress().failed() + dto.progress().inDoubt() > 0 ? NoticeKind.WARNING : NoticeKind.SUCCESS,
                    ctx.messages.format("breach.notice.sent", dto.progress().sent(), dto.progress().failed(),
                            dto.progress().inDoubt(), dto.progress().lettersReady()));
        }
    }

    private void stopPolling() {
        if (nextPoll != null) {
            nextPoll.cancel();
            nextPoll = null;
        }
        if (pollInFlight != null) {
            pollInFlight.cancel();
            pollInFlight = null;
        }
    }

    /** True while progress is being followed. */
    boolean polling() {
        return nextPoll != null || pollInFlight != null;
    }

    // Files.

    /** Downloads the letters PDF to a private temporary file and opens it with the desktop's PDF viewer. */
    public void openLetters() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || downloading.get()) {
            return;
        }
        String id = now.id();
        downloading.set(true);
        ctx.tasks.job(ctx.messages.get("breach.letters.job"), progress -> {
            Path file = privateTempFile("breach-letters-", ".pdf");
            try (OutputStream out = Files.newOutputStream(file)) {
                client.lettersPdf(id, out);
            }
            ctx.opener.open(file);
            return file;
        }).onSuccess(file -> ctx.say(NoticeKind.SUCCESS, ctx.messages.get("breach.notice.lettersOpened")))
                .onFailure(e -> fileFailed("breach.notice.lettersFailed", e))
                .onDone(() -> downloading.set(false));
    }

    /** Saves the record for the regulator's file as PDF or CSV; the file appears only once complete. */
    public void exportRecord(PlatformClient.RecordFormat format, Path target) {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || target == null || downloading.get()) {
            return;
        }
        String id = now.id();
        downloading.set(true);
        ctx.tasks.job(ctx.messages.get("breach.record.job"), progress -> {
            AtomicFiles.write(target, out -> client.incidentRecord(id, format, out));
            return target;
        }).onSuccess(path -> ctx.say(NoticeKind.SUCCESS, ctx.messages.format("breach.notice.recordSaved",
                path.getFileName().toString())))
                .onFailure(e -> fileFailed("breach.notice.recordFailed", e))
                .onDone(() -> downloading.set(false));
    }

    /** Writes an HTML notice to a private temporary file and opens it in the desktop's browser. */
    public void openHtml(String html) {
        if (html == null) {
            return;
        }
        ctx.tasks.run(() -> {
            Path file = privateTempFile("breach-notice-", ".html");
            Files.writeString(file, html);
            ctx.opener.open(file);
            return file;
        }).onFailure(e -> fileFailed("breach.notice.htmlFailed", e));
    }

    private void fileFailed(String key, Throwable e) {
        if (e instanceof IOException) {
            ctx.say(NoticeKind.DANGER, ctx.messages.get(key) + " " + ctx.messages.get("breach.notice.fileProblem"));
            return;
        }
        ctx.app.report(e);
        UserMessage m = ctx.errors.describe(e);
        ctx.say(NoticeKind.DANGER, ctx.messages.get(key) + " " + m.text() + " " + m.hint());
    }

    /** Letters hold names and postal addresses: only the person's own account may read the file. */
    private static Path privateTempFile(String prefix, String suffix) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(prefix, suffix, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile(prefix, suffix);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    // Site notice.

    private void fillSiteNotice(IncidentDto dto) {
        SiteNoticeDto up = dto.proposedSiteNotice() != null ? dto.proposedSiteNotice() : dto.siteNotice();
        if (up != null) {
            siteTitle.set(up.title());
            siteBody.set(up.body());
        } else {
            siteTitle.set(ctx.messages.get("breach.site.defaultTitle"));
            siteBody.set(ctx.messages.format("breach.site.defaultBody", dto.title(),
                    dto.whatHappened() == null ? "" : dto.whatHappened().strip(),
                    dto.contact() == null ? "" : dto.contact()));
        }
    }

    /** True while the open incident's site notice is up. */
    public boolean siteNoticeUp() {
        IncidentDto now = ctx.incident();
        return now != null && now.siteNotice() != null && now.siteNotice().withdrawnAt() == null;
    }

    /** A proposal waiting for the signed-in officer's approval, if any. */
    public SiteNoticeDto siteNoticeToApprove() {
        IncidentDto now = ctx.incident();
        SiteNoticeDto proposed = now == null ? null : now.proposedSiteNotice();
        return proposed != null && proposed.youMayApprove() ? proposed : null;
    }

    /**
     * Proposes the site notice after saying who will see it: every learner of the Member, once a second officer
     * approves this exact text.
     */
    public void postSiteNotice() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get()) {
            return;
        }
        if (siteTitle.get().isBlank() || siteBody.get().isBlank()) {
            ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.site.missing"));
            return;
        }
        String member = ctx.memberName();
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("proposeSiteNoticeDialog",
                ctx.messages.get("breach.site.propose.title"), ctx.messages.format("breach.site.propose.text", member),
                ctx.messages.get("breach.site.propose.ok"), false))) {
            return;
        }
        SiteNoticeRequest request = new SiteNoticeRequest(siteTitle.get().strip(), siteBody.get().strip());
        busy.set(true);
        String id = now.id();
        ctx.tasks.run(() -> {
            client.proposeSiteNotice(id, request);
            return client.incident(id);
        }).onSuccess(v -> {
            busy.set(false);
            if (id.equals(ctx.incidentId())) {
                ctx.adopt(v);
            }
            ctx.say(NoticeKind.SUCCESS, ctx.messages.get("breach.notice.siteProposed"));
        }).onFailure(e -> {
            busy.set(false);
            ctx.sayFailure(e);
        });
    }

    /** Puts up the notice another officer proposed, after the officer confirms they read this text. */
    public void approveSiteNotice() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        SiteNoticeDto proposed = siteNoticeToApprove();
        if (now == null || client == null || busy.get() || proposed == null) {
            return;
        }
        String member = ctx.memberName();
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("approveSiteNoticeDialog",
                ctx.messages.get("breach.site.approve.title"), ctx.messages.format("breach.site.approve.text",
                proposed.proposedBy(), member, proposed.title()), ctx.messages.get("breach.site.approve.ok"), false))) {
            return;
        }
        boolean replacing = siteNoticeUp();
        busy.set(true);
        String id = now.id();
        ctx.tasks.run(() -> {
            client.approveSiteNotice(id, proposed.textFingerprint());
            return client.incident(id);
        }).onSuccess(v -> {
            busy.set(false);
            if (id.equals(ctx.incidentId())) {
                ctx.adopt(v);
            }
            ctx.say(NoticeKind.SUCCESS, ctx.messages.get(replacing ? "breach.notice.siteReplaced"
                    : "breach.notice.sitePosted"));
        }).onFailure(e -> {
            busy.set(false);
            ctx.sayFailure(e);
        });
    }

    public void withdrawSiteNotice() {
        IncidentDto now = ctx.incident();
        PlatformClient client = ctx.client();
        if (now == null || client == null || busy.get() || !siteNoticeUp() && now.proposedSiteNotice() == null) {
            return;
        }
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("withdrawDialog", ctx.messages.get("breach.site.withdraw"),
                ctx.messages.get("breach.site.withdraw.text"), ctx.messages.get("breach.site.withdraw.ok"), true))) {
            return;
        }
        busy.set(true);
        String id = now.id();
        ctx.tasks.run(() -> {
            client.withdrawSiteNotice(id);
            return client.incident(id);
        }).onSuccess(v -> {
            busy.set(false);
            if (id.equals(ctx.incidentId())) {
                ctx.adopt(v);
            }
            ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.siteWithdrawn"));
        }).onFailure(e -> {
            busy.set(false);
            ctx.sayFailure(e);
        });
    }

    void dispose() {
        stopPolling();
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
    }

    public ReadOnlyObjectProperty<BreachPreviewDto> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    public StringProperty siteTitleProperty() {
        return siteTitle;
    }

    public StringProperty siteBodyProperty() {
        return siteBody;
    }
}
