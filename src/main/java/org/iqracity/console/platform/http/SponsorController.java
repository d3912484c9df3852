package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.Set;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.sponsors.SponsorService;

final class SponsorController {
    private final SponsorService sponsors;

    SponsorController(SponsorService sponsors) {
        this.sponsors = sponsors;
    }

    void summary(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        ctx.json(sponsors.summary(caller));
    }

    void report(Context ctx, Caller caller) {
        // R7: nothing beyond the fixed columns can be asked for; any other parameter is refused, not ignored.
        Requests.Params p = new Requests.Params(ctx, Set.of("courseId"));
        String courseId = courseId(p);
        ctx.json(sponsors.report(caller, ctx.pathParam("sponsorId"), courseId));
    }

    void release(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, Set.of("courseId"));
        String courseId = courseId(p);
        SponsorService.Released r = sponsors.release(caller, ctx.pathParam("sponsorId"), courseId,
                ctx.header("Idempotency-Key"));
        ctx.status(r.created() ? 201 : 200).json(r.release());
    }

    void releases(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        ctx.json(sponsors.releases(caller, ctx.pathParam("sponsorId")));
    }

    void releaseCsv(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        String csv = sponsors.releaseCsv(caller, ctx.pathParam("sponsorId"), ctx.pathParam("releaseId"));
        ctx.contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"sponsor-report.csv\"").result(csv);
    }

    void releasePdf(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        byte[] pdf = sponsors.releasePdf(caller, ctx.pathParam("sponsorId"), ctx.pathParam("releaseId"));
        ctx.contentType("application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"sponsor-report.pdf\"");
        // A PDF is bytes, not text: no charset on its content type.
        ctx.res().setCharacterEncoding(null);
        ctx.contentType("application/pdf").result(pdf);
    }

    private static String courseId(Requests.Params p) {
        String courseId = p.string("courseId");
        if (courseId == null) {
            p.error("courseId", "Name the course of the report.");
        }
        p.check();
        if (courseId.length() > 200) {
            throw PlatformException.notFound();
        }
        return courseId;
    }
}
