package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.TrackingRevertRequest;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;

/** {@link TrackingClient} over {@link HttpPlatformClient}'s session. */
final class HttpTracking implements TrackingClient {

    private final HttpPlatformClient calls;

    HttpTracking(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public Versioned<TrackingSettingsDto> current(String courseId) {
        return calls.authed(calls.get(ApiPaths.courseTracking(courseId)),
                r -> calls.http().sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public Versioned<TrackingSettingsDto> save(String courseId, String ifMatch,
                                                       TrackingSettingsRequest settings) {
        Request.Builder put = new Request.Builder().url(calls.url(ApiPaths.courseTracking(courseId)))
                .put(calls.http().jsonBody(settings)).header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return calls.authed(put, r -> calls.http().sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public List<TrackingVersionDto> history(String courseId) {
        return calls.authed(calls.get(ApiPaths.courseTracking(courseId) + "/history"),
                new TypeReference<List<TrackingVersionDto>>() { });
    }

    @Override
    public TrackingSettingsDto at(String courseId, long version) {
        HttpUrl at = calls.url(ApiPaths.courseTracking(courseId) + "/history").newBuilder()
                .addQueryParameter("version", Long.toString(version)).build();
        return calls.authed(new Request.Builder().url(at).get(), new TypeReference<TrackingSettingsDto>() { });
    }

    @Override
    public Versioned<TrackingSettingsDto> revert(String courseId, String ifMatch, long version) {
        Request.Builder post = new Request.Builder().url(calls.url(ApiPaths.courseTracking(courseId) + "/revert"))
                .post(calls.http().jsonBody(new TrackingRevertRequest(version)))
                .header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return calls.authed(post, r -> calls.http().sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public EffectiveTrackingDto effective(String courseId, boolean analytics, boolean functional,
                                                  boolean marketing, boolean gpc) {
        HttpUrl effective = calls.url(ApiPaths.courseTracking(courseId) + "/effective").newBuilder()
                .addQueryParameter("analytics", Boolean.toString(analytics))
                .addQueryParameter("functional", Boolean.toString(functional))
                .addQueryParameter("marketing", Boolean.toString(marketing))
                .addQueryParameter("gpc", Boolean.toString(gpc)).build();
        return calls.authed(new Request.Builder().url(effective).get(), new TypeReference<EffectiveTrackingDto>() { });
    }

    @Override
    public ConsentCoverageDto coverage(String courseId) {
        return calls.authed(calls.get(ApiPaths.courseTracking(courseId) + "/coverage"),
                new TypeReference<ConsentCoverageDto>() { });
    }
}
