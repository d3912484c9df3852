package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.Set;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.LearnerService;

final class LearnerController {
    private static final Set<String> LIST_PARAMS = Set.of("q", "mode", "active", "passed", "country", "minProgress",
            "maxProgress", "minGrade", "maxGrade", "inactiveDays", "sort", "limit", "cursor", "at");

    private final LearnerService learners;

    LearnerController(LearnerService learners) {
        this.learners = learners;
    }

    void list(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, LIST_PARAMS);
        String sortParam = p.string("sort");
        boolean descending = sortParam != null && sortParam.startsWith("-");
        LearnerSort sort = LearnerSort.USERNAME;
        if (sortParam != null) {
            sort = LearnerSort.fromWireName(descending ? sortParam.substring(1) : sortParam).orElse(null);
            if (sort == null) {
                p.error("sort", "Sort by one of username, name, enrolledAt, progress, grade, lastActivityAt, "
                        + "with a leading '-' for descending.");
                sort = LearnerSort.USERNAME;
            }
        }
        LearnerQuery query = new LearnerQuery(p.string("q"), p.enumValue("mode", EnrollmentMode.class),
                p.bool("active"), p.bool("passed"), countries(p.string("country")), p.fraction("minProgress"),
                p.fraction("maxProgress"), p.fraction("minGrade"), p.fraction("maxGrade"),
                p.optionalInteger("inactiveDays"), sort, descending,
                p.integer("limit", LearnerQuery.DEFAULT_LIMIT), p.string("cursor"), p.optionalInteger("at"));
        p.check();
        ctx.json(learners.list(caller, ctx.pathParam("courseId"), query));
    }

    /** {@code country=KE,de}: codes separated by commas, in any case (checked by the service). */
    private static java.util.List<String> countries(String param) {
        return param == null || param.isBlank() ? java.util.List.of() : java.util.List.of(param.split(",", -1));
    }

    void detail(Context ctx, Caller caller) {
        ctx.json(learners.detail(caller, ctx.pathParam("courseId"), ctx.pathParam("learnerId")));
    }
}
