package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.ReasonRequest;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.ResolveDeliveryRequest;
import org.iqracity.console.api.breach.SiteNoticeApproval;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.IfMatch;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.breach.BreachPreview;
import org.iqracity.console.platform.service.breach.BreachRecords;
import org.iqracity.console.platform.service.breach.BreachService;

final class BreachController {
    /** A pasted list of 200,000 emails fits; nothing else needs more than the usual limit. */
    private static final int INCIDENT_BODY_BYTES = 12 * 1024 * 1024;
    /** See {@link #largeDraftPermit}: about 2,500 pasted emails. */
    private static final long LARGE_DRAFT_BYTES = 64 * 1024;

    private final BreachService breaches;
    private final BreachPreview preview;
    private final BreachRecords records;

    private final WorkLimits limits;

    BreachController(BreachService breaches, BreachPreview preview, BreachRecords records, WorkLimits limits) {
        this.breaches = breaches;
        this.preview = preview;
        this.records = records;
        this.limits = limits;
    }

    void list(Context ctx, Caller caller) {
        noParams(ctx);
        ctx.json(breaches.list(caller));
    }

    void jurisdictions(Context ctx, Caller caller) {
        noParams(ctx);
        ctx.json(preview.jurisdictions(caller));
    }

    void create(Context ctx, Caller caller) {
        BreachService.requireOfficer(caller);
        noParams(ctx);
        IncidentDto created;
        try (WorkLimits.Permit permit = largeDraftPermit(ctx, caller)) {
            created = breaches.create(caller, Requests.body(ctx, IncidentRequest.class, INCIDENT_BODY_BYTES));
        }
        ctx.status(201).header("Location", ApiPaths.breachNotice(created.id()));
        withEtag(ctx, created);
    }

    void get(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        withEtag(ctx, breaches.get(caller, id(ctx)));
    }

    void update(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        long version = expectedVersion(ctx.header("If-Match"));
        try (WorkLimits.Permit permit = largeDraftPermit(ctx, caller)) {
            IncidentRequest body = Requests.body(ctx, IncidentRequest.class, INCIDENT_BODY_BYTES);
            withEtag(ctx, breaches.update(caller, id(ctx), version, body));
        }
    }

    void preview(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.BREACH_SCOPE)) {
            ctx.json(preview.preview(caller, id(ctx)));
        }
    }

    void message(Context ctx, Caller caller) {
        guard(ctx, caller);
        Requests.Params p = new Requests.Params(ctx, Set.of("learnerId"));
        String learnerId = p.string("learnerId");
        if (learnerId == null) {
            p.error("learnerId", "Name the learner to preview the notice for.");
        }
        p.check();
        ctx.json(preview.message(caller, id(ctx), learnerId));
    }

    void submit(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.BREACH_SCOPE)) {
            withEtag(ctx, breaches.submit(caller, id(ctx)));
        }
    }

    void returnToAuthor(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        withEtag(ctx, breaches.returnToAuthor(caller, id(ctx), Requests.body(ctx, ReasonRequest.class).reason()));
    }

    void approve(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        ApprovalRequest approval = Requests.body(ctx, ApprovalRequest.class);
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.BREACH_SCOPE)) {
            withEtag(ctx, breaches.approve(caller, id(ctx), approval));
        }
    }

    void send(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        withEtag(ctx, breaches.send(caller, id(ctx)));
    }

    void cancel(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        withEtag(ctx, breaches.cancel(caller, id(ctx), Requests.body(ctx, ReasonRequest.class).reason()));
    }

    void deliveries(Context ctx, Caller caller) {
        guard(ctx, caller);
        Requests.Params p = new Requests.Params(ctx, Set.of("status", "channel", "cursor", "limit"));
        DeliveryStatus status = p.enumValue("status", DeliveryStatus.class);
        NoticeChannel channel = p.enumValue("channel", NoticeChannel.class);
        int limit = p.integer("limit", 100);
        if (limit < 1 || limit > 500) {
            p.error("limit", "Ask for 1 to 500 rows a page.");
        }
        String cursor = p.string("cursor");
        long after = 0;
        if (cursor != null) {
            if (!cursor.matches("[0-9]{1,18}")) {
                p.error("cursor", "This cursor did not come from this list.");
            } else {
                after = Long.parseLong(cursor);
            }
        }
        p.check();
        ctx.json(records.deliveries(caller, id(ctx), status, channel, after, limit));
    }

    void retry(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        withEtag(ctx, breaches.retryFailed(caller, id(ctx)));
    }

    void resolve(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        String raw = ctx.pathParam("deliveryId");
        if (!raw.matches("[0-9]{1,18}")) {
            throw PlatformException.notFound();
        }
        ctx.json(records.resolve(caller, id(ctx), Long.parseLong(raw),
                Requests.body(ctx, ResolveDeliveryRequest.class).resolution()));
    }

    void letters(Context ctx, Caller caller) throws Exception {
        guard(ctx, caller);
        noParams(ctx);
        String id = id(ctx);
        // Rendered to a scratch file first: thousands of letters stay off the heap, and a failure becomes a clean
        // problem answer instead of a cut-off download.
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.BREACH_DOCUMENT)) {
            spooled(ctx, "application/pdf", "breach-letters-" + id + ".pdf", out -> records.letters(caller, id, out));
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void spooled(Context ctx, String type, String filename, Writer writer) throws IOException {
        Path scratch = Files.createTempFile("breach-", ".part");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(scratch))) {
                writer.write(file);
            }
            download(ctx, type, filename);
            ctx.header("Content-Length", Long.toString(Files.size(scratch)));
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(scratch, out);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    void record(Context ctx, Caller caller) throws Exception {
        guard(ctx, caller);
        Requests.Params p = new Requests.Params(ctx, Set.of("format"));
        String format = p.string("format");
        if (format != null && !List.of("csv", "pdf").contains(format)) {
            p.error("format", "Ask for csv or pdf.");
        }
        p.check();
        String id = id(ctx);
        if ("pdf".equals(format)) {
            try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.BREACH_DOCUMENT)) {
                spooled(ctx, "application/pdf", "breach-record-" + id + ".pdf",
                        out -> records.recordPdf(caller, id, out));
            }
        } else {
            breaches.get(caller, id);
            download(ctx, "text/csv; charset=utf-8", "breach-record-" + id + ".csv");
            try (OutputStream out = ctx.outputStream()) {
                records.recordCsv(caller, id, out);
            }
        }
    }

    void postSiteNotice(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        SiteNoticeRequest body = Requests.body(ctx, SiteNoticeRequest.class);
        ctx.json(records.proposeSiteNotice(caller, id(ctx), body.title(), body.body()));
    }

    void approveSiteNotice(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        ctx.json(records.approveSiteNotice(caller, id(ctx), Requests.body(ctx, SiteNoticeApproval.class)));
    }

    void regulatorNotified(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        IncidentDto dto = records.recordRegulatorNotification(caller, id(ctx),
                Requests.body(ctx, RegulatorNotificationRequest.class));
        withEtag(ctx, dto);
        ctx.status(201);
    }

    void withdrawSiteNotice(Context ctx, Caller caller) {
        guard(ctx, caller);
        noParams(ctx);
        records.withdrawSiteNotice(caller, id(ctx));
        ctx.status(204);
    }

    void publicSiteNotices(Context ctx) {
        noParams(ctx);
        // Nothing may keep a copy: a withdrawn notice is gone from the next answer, wherever it is asked.
        ctx.header("Cache-Control", "no-store");
        ctx.json(records.publicSiteNotices(ctx.pathParam("memberId")));
    }

    private static void download(Context ctx, String type, String filename) {
        ctx.contentType(type).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    /**
     * A draft whose body is large (a pasted list of thousands of learners: 200,000 emails are 5 MB) is heavy work to
     * read and to store, so it counts against the same limits as resolving a scope; an ordinary draft is not held.
     */
    private WorkLimits.Permit largeDraftPermit(Context ctx, Caller caller) {
        long length = ctx.req().getContentLengthLong();
        return length < 0 || length > LARGE_DRAFT_BYTES ? limits.begin(caller, WorkLimits.Kind.BREACH_SCOPE) : () -> {
        };
    }

    /**
     * Who may act and on what is settled before anything in the request is read: another Member's incident answers
     * 404 and a non-officer 403, whatever the body or parameters hold (R1, R8).
     */
    private void guard(Context ctx, Caller caller) {
        breaches.requireVisible(caller, id(ctx));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("incidentId");
    }

    private static void noParams(Context ctx) {
        new Requests.Params(ctx, Set.of()).check();
    }

    private static void withEtag(Context ctx, IncidentDto dto) {
        ctx.header("ETag", dto.etag());
        ctx.json(dto);
    }

    static long expectedVersion(String ifMatch) {
        return IfMatch.version(ifMatch, "this notice");
    }
}
