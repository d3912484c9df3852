package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.Set;
import org.iqracity.console.api.TrackingRevertRequest;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.tracking.TrackingService;

final class TrackingController {
    private static final Set<String> EFFECTIVE_PARAMS = Set.of("analytics", "functional", "marketing", "gpc");
    private static final Set<String> HISTORY_PARAMS = Set.of("version");

    private final TrackingService tracking;

    TrackingController(TrackingService tracking) {
        this.tracking = tracking;
    }

    void get(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        withEtag(ctx, tracking.get(caller, ctx.pathParam("courseId")));
    }

    void put(Context ctx, Caller caller) {
        TrackingSettingsRequest body = Requests.body(ctx, TrackingSettingsRequest.class);
        withEtag(ctx, tracking.update(caller, ctx.pathParam("courseId"), ctx.header("If-Match"), body));
    }

    void revert(Context ctx, Caller caller) {
        TrackingRevertRequest body = Requests.body(ctx, TrackingRevertRequest.class);
        withEtag(ctx, tracking.revert(caller, ctx.pathParam("courseId"), ctx.header("If-Match"), body.version()));
    }

    void history(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, HISTORY_PARAMS);
        int version = p.integer("version", -1);
        p.check();
        if (version >= 0) {
            ctx.json(tracking.atVersion(caller, ctx.pathParam("courseId"), version));
        } else {
            ctx.json(tracking.history(caller, ctx.pathParam("courseId")));
        }
    }

    void effective(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, EFFECTIVE_PARAMS);
        boolean analytics = Boolean.TRUE.equals(p.bool("analytics"));
        boolean functional = Boolean.TRUE.equals(p.bool("functional"));
        boolean marketing = Boolean.TRUE.equals(p.bool("marketing"));
        boolean gpc = Boolean.TRUE.equals(p.bool("gpc"));
        p.check();
        ctx.json(tracking.effective(caller, ctx.pathParam("courseId"), analytics, functional, marketing, gpc));
    }

    void coverage(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        ctx.json(tracking.coverage(caller, ctx.pathParam("courseId")));
    }

    private static void withEtag(Context ctx, TrackingSettingsDto dto) {
        ctx.header("ETag", dto.etag());
        ctx.json(dto);
    }
}
