package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.Set;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.research.ResearchExportService;

/** {@code POST /courses/{courseId}/research-exports}: the de-identified dataset as a ZIP download (R11). */
final class ResearchExportController {
    static final String ZIP = "application/zip";

    private final ResearchExportService service;
    private final WorkLimits limits;

    ResearchExportController(ResearchExportService service, WorkLimits limits) {
        this.service = service;
        this.limits = limits;
    }

    void export(Context ctx, Caller caller) throws Exception {
        new Requests.Params(ctx, Set.of()).check();
        String courseId = ctx.pathParam("courseId");
        // Who may ask is decided before what was asked: a refused caller learns nothing from a validation answer.
        service.checkAccess(caller, courseId);
        ResearchExportRequest request = Requests.body(ctx, ResearchExportRequest.class);
        ResearchExportService.checkedK(request);
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.RESEARCH_EXPORT)) {
            ResearchExportService.Export export = service.export(caller, courseId, request);
            ctx.status(200).contentType(ZIP).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
            export.write(ctx.outputStream());
        }
    }
}
