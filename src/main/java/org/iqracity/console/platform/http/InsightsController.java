package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.Set;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.insights.InsightsService;

final class InsightsController {
    private final InsightsService insights;

    InsightsController(InsightsService insights) {
        this.insights = insights;
    }

    void course(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        ctx.json(insights.insights(caller, ctx.pathParam("courseId")));
    }
}
