package org.iqracity.console.ui.breach;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;

/**
 * The notice on the Member's site about an incident: its text (the one up or proposed, or a first text drawn from the
 * incident), proposed by one officer and put up by another who read this exact text, withdrawn by either. Shares the
 * incident's busy flag: one action on an incident at a time.
 */
public final class SiteNoticeViewModel {
    private final BreachContext ctx;
    private final ReadOnlyBooleanWrapper busy;
    private final StringProperty siteTitle = new SimpleStringProperty("");
    private final StringProperty siteBody = new SimpleStringProperty("");

    SiteNoticeViewModel(BreachContext ctx, ReadOnlyBooleanWrapper busy) {
        this.ctx = ctx;
        this.busy = busy;
    }

    void fill(IncidentDto dto) {
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
    public boolean up() {
        IncidentDto now = ctx.incident();
        return now != null && now.siteNotice() != null && now.siteNotice().withdrawnAt() == null;
    }

    /** A proposal waiting for the signed-in officer's approval, if any. */
    public SiteNoticeDto toApprove() {
        IncidentDto now = ctx.incident();
        SiteNoticeDto proposed = now == null ? null : now.proposedSiteNotice();
        return proposed != null && proposed.youMayApprove() ? proposed : null;
    }

    /**
     * Proposes the site notice after saying who will see it: every learner of the Member, once a second officer
     * approves this exact text.
     */
    public void propose() {
        IncidentDto now = ctx.incident();
        if (now == null || busy.get()) {
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
            ctx.breach.proposeSiteNotice(id, request);
            return ctx.breach.incident(id);
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
    public void approve() {
        IncidentDto now = ctx.incident();
        SiteNoticeDto proposed = toApprove();
        if (now == null || busy.get() || proposed == null) {
            return;
        }
        String member = ctx.memberName();
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("approveSiteNoticeDialog",
                ctx.messages.get("breach.site.approve.title"), ctx.messages.format("breach.site.approve.text",
                proposed.proposedBy(), member, proposed.title()), ctx.messages.get("breach.site.approve.ok"), false))) {
            return;
        }
        boolean replacing = up();
        busy.set(true);
        String id = now.id();
        ctx.tasks.run(() -> {
            ctx.breach.approveSiteNotice(id, proposed.textFingerprint());
            return ctx.breach.incident(id);
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

    public void withdraw() {
        IncidentDto now = ctx.incident();
        if (now == null || busy.get() || !up() && now.proposedSiteNotice() == null) {
            return;
        }
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("withdrawDialog", ctx.messages.get("breach.site.withdraw"),
                ctx.messages.get("breach.site.withdraw.text"), ctx.messages.get("breach.site.withdraw.ok"), true))) {
            return;
        }
        busy.set(true);
        String id = now.id();
        ctx.tasks.run(() -> {
            ctx.breach.withdrawSiteNotice(id);
            return ctx.breach.incident(id);
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

    public StringProperty titleProperty() {
        return siteTitle;
    }

    public StringProperty bodyProperty() {
        return siteBody;
    }
}
