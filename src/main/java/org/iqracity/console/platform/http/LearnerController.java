package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.learners.LearnerService;

final class LearnerController {
    private final LearnerService learners;

    LearnerController(LearnerService learners) {
        this.learners = learners;
    }

    void list(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, LearnerQueryParams.LIST);
        LearnerQuery read = LearnerQueryParams.read(p).withLimit(p.integer("limit", LearnerQuery.DEFAULT_LIMIT));
        Integer at = p.optionalInteger("at");
        LearnerQuery query = at == null ? read.withCursor(p.string("cursor")) : read.at(at, p.string("cursor"));
        p.check();
        ctx.json(learners.list(caller, ctx.pathParam("courseId"), query));
    }

    void detail(Context ctx, Caller caller) {
        ctx.json(learners.detail(caller, ctx.pathParam("courseId"), ctx.pathParam("learnerId")));
    }
}
