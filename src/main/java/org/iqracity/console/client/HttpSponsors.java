package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorSummaryDto;

/** {@link SponsorsClient} over {@link HttpPlatformClient}'s session. */
final class HttpSponsors implements SponsorsClient {

    private final HttpPlatformClient calls;

    HttpSponsors(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public List<SponsorSummaryDto> all() {
        return calls.authed(calls.get(ApiPaths.SPONSOR_REPORTS), new TypeReference<List<SponsorSummaryDto>>() { });
    }

    @Override
    public SponsorReportDto report(String sponsorId, String courseId) {
        HttpUrl url = calls.url(path(sponsorId)).newBuilder().addQueryParameter("courseId", courseId).build();
        return calls.authed(new Request.Builder().url(url).get(), new TypeReference<SponsorReportDto>() { });
    }

    @Override
    public SponsorReleaseDto release(String sponsorId, String courseId, String idempotencyKey) {
        HttpUrl url = calls.url(path(sponsorId) + "/releases").newBuilder().addQueryParameter("courseId", courseId)
                .build();
        // The builder is reused when a stale token is renewed: the retry carries the same key, so it releases once.
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create(new byte[0], null))
                .header("Idempotency-Key", Objects.requireNonNull(idempotencyKey));
        return calls.authed(request, new TypeReference<SponsorReleaseDto>() { });
    }

    @Override
    public List<SponsorReleaseDto> releases(String sponsorId) {
        return calls.authed(calls.get(path(sponsorId) + "/releases"), new TypeReference<List<SponsorReleaseDto>>() { });
    }

    @Override
    public String releaseCsv(String sponsorId, String releaseId) {
        String path = path(sponsorId) + "/releases/" + ApiPaths.segment(releaseId) + "/csv";
        return calls.authed(calls.get(path), r -> calls.http().stream(r,
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] releasePdf(String sponsorId, String releaseId) {
        String path = path(sponsorId) + "/releases/" + ApiPaths.segment(releaseId) + "/pdf";
        return calls.authed(calls.get(path), r -> calls.http().stream(r, InputStream::readAllBytes));
    }

    private static String path(String sponsorId) {
        return ApiPaths.SPONSOR_REPORTS + "/" + ApiPaths.segment(sponsorId);
    }
}
