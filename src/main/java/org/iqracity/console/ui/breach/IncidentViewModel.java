package org.iqracity.console.ui.breach;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.ui.breach.BreachContext.NoticeAction;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;

/**
 * An incident past its draft: approval by a second officer (with the fingerprints of what is approved), sending,
 * cancelling, retrying failures and the regulator's notification. Its progress while sending ({@link SendingProgress}),
 * its files ({@link IncidentFiles}) and the site notice ({@link SiteNoticeViewModel}) are parts of their own.
 */
public final class IncidentViewModel {

    /** How many messages a send would start: emails now, letters to print. */
    public record SendCounts(long emails, long letters) {
    }

    private final BreachContext ctx;
    private final ReadOnlyObjectWrapper<BreachPreviewDto> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final IncidentFiles files;
    private final SiteNoticeViewModel siteNotice;
    private final SendingProgress progress;
    private BackgroundTask<?> previewInFlight;
    private Runnable onDeliveriesChanged = () -> { };

    IncidentViewModel(BreachContext ctx) {
        this.ctx = ctx;
        this.files = new IncidentFiles(ctx);
        this.siteNotice = new SiteNoticeViewModel(ctx, busy);
        this.progress = new SendingProgress(ctx, () -> onDeliveriesChanged.run());
    }

    /** The letters PDF, the record for the regulator and HTML notices. */
    public IncidentFiles files() {
        return files;
    }

    /** The notice on the Member's site. */
    public SiteNoticeViewModel siteNotice() {
        return siteNotice;
    }

    /** The screen is on view or not: progress is read only while someone can see it. */
    void setShown(boolean now) {
        progress.setShown(now);
    }

    /** True while progress is being followed. */
    boolean polling() {
        return progress.polling();
    }

    /** Called whenever another incident opens or the open one changed state. */
    void refresh() {
        IncidentDto now = ctx.incident();
        progress.follow(now);
        preview.set(null);
        if (now == null) {
            return;
        }
        if (now.state() == IncidentState.SUBMITTED) {
            loadPreview(now.id());
        }
        siteNotice.fill(now);
    }

    void onDeliveriesChanged(Runnable action) {
        this.onDeliveriesChanged = action;
    }

    private void loadPreview(String id) {
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
        BackgroundTask<BreachPreviewDto> task = ctx.tasks.run(() -> ctx.breach.preview(id));
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
        if (now == null || busy.get() || now.state() != IncidentState.SUBMITTED) {
            return;
        }
        if (!ctx.dialogs.confirmApproval(approval(now))) {
            return;
        }
        act(() -> ctx.breach.approve(now.id(), now.textFingerprint(), now.recipientsFingerprint()), dto ->
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
        if (now == null || busy.get() || now.state() != IncidentState.SUBMITTED) {
            return;
        }
        ctx.dialogs.askReason(new BreachDialogs.Question("returnDialog", ctx.messages.get("breach.return.title"),
                ctx.messages.get("breach.return.text"), ctx.messages.get("breach.return.ok"), false))
                .ifPresent(reason -> act(() -> ctx.breach.returnToAuthor(now.id(), reason),
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
        if (now == null || busy.get() || now.state() != IncidentState.APPROVED) {
            return;
        }
        String id = now.id();
        busy.set(true);
        ctx.tasks.run(() -> {
            long emails = ctx.breach.deliveries(id, DeliveryStatus.PENDING, NoticeChannel.EMAIL, null, 1).total();
            long letters = ctx.breach.deliveries(id, null, NoticeChannel.LETTER, null, 1).total()
                    - ctx.breach.deliveries(id, DeliveryStatus.UNREACHABLE, NoticeChannel.LETTER, null, 1).total();
            return new SendCounts(emails, Math.max(0, letters));
        }).onSuccess(counts -> {
            busy.set(false);
            if (!id.equals(ctx.incidentId()) || !ctx.dialogs.confirm(sendQuestion(counts))) {
                return;
            }
            act(() -> ctx.breach.send(id), dto -> ctx.say(NoticeKind.INFO,
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
        if (now == null || busy.get() || now.state().finished()) {
            return;
        }
        String text = ctx.messages.get(now.state() == IncidentState.SENDING ? "breach.cancel.textSending"
                : "breach.cancel.text");
        ctx.dialogs.askReason(new BreachDialogs.Question("cancelDialog", ctx.messages.get("breach.cancel.title"),
                text, ctx.messages.get("breach.cancel.ok"), true))
                .ifPresent(reason -> act(() -> ctx.breach.cancel(now.id(), reason),
                        dto -> ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.cancelled")), e -> false));
    }

    /**
     * Records that the supervisory authority was notified: the step that stops the regulator's 72-hour clock. Once
     * per incident; the platform keeps it as it was recorded.
     */
    public void recordRegulatorNotification() {
        IncidentDto now = ctx.incident();
        if (now == null || busy.get() || now.regulatorNotification() != null) {
            return;
        }
        ctx.dialogs.askRegulatorNotification(new RegulatorNotificationRequest(ctx.clock.instant()
                .truncatedTo(ChronoUnit.MINUTES), "", ""))
                .ifPresent(request -> act(() -> ctx.breach.recordRegulatorNotification(now.id(), request),
                        dto -> ctx.say(NoticeKind.INFO, ctx.messages.get("breach.notice.regulatorRecorded")),
                        e -> false));
    }

    /** Failed emails go back to the sender; sending resumes. */
    public void retryFailed() {
        IncidentDto now = ctx.incident();
        if (now == null || busy.get() || now.progress().failed() == 0) {
            return;
        }
        long failed = now.progress().failed();
        act(() -> ctx.breach.retryDeliveries(now.id()), dto -> ctx.say(NoticeKind.INFO,
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

    void dispose() {
        progress.stopPolling();
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

}
