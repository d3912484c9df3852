package org.iqracity.console.client;

import java.io.OutputStream;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.research.ResearchExportRequest;

/** {@link ResearchClient} over {@link HttpPlatformClient}'s session. */
final class HttpResearch implements ResearchClient {

    private final HttpPlatformClient calls;

    HttpResearch(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public long export(String courseId, ResearchExportRequest request,
                               OutputStream out) {
        return calls.authed(calls.postBuilder(ApiPaths.courseResearchExports(courseId), request),
                r -> calls.patient().stream(r, in -> in.transferTo(out)));
    }
}
