package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;

/** {@link RostersClient} over {@link HttpPlatformClient}'s session. */
final class HttpRosters implements RostersClient {

    private final HttpPlatformClient calls;

    HttpRosters(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public RosterSummary download(String courseId, List<RosterField> fields, RosterView view, RosterLines lines) {
        HttpUrl path = calls.url(ApiPaths.course(courseId) + "/roster");
        HttpUrl.Builder url = (view == null ? path : LearnerQueryUrl.view(path, view)).newBuilder();
        if (!fields.isEmpty()) {
            url.addQueryParameter("fields", String.join(",",
                    fields.stream().map(RosterField::column).toList()));
        }
        return calls.authed(new Request.Builder().url(url.build()).get(),
                r -> calls.http().stream(r, in -> RosterNdjson.read(in, lines)));
    }

    @Override
    public RosterConversionDto reportConversion(RosterConversionReport report) {
        return calls.authed(calls.postBuilder(ApiPaths.ROSTER_CONVERSIONS, report),
                new TypeReference<RosterConversionDto>() { });
    }
}
