package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.OutputStream;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.Page;

/** {@link AccessLogClient} over {@link HttpPlatformClient}'s session. */
final class HttpAccessLog implements AccessLogClient {

    private static final TypeReference<Page<AccessLogEntryDto>> ACCESS_LOG_PAGE = new TypeReference<>() { };
    private final HttpPlatformClient calls;

    HttpAccessLog(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public Page<AccessLogEntryDto> page(AccessLogFilter filter, String cursor, int limit) {
        HttpUrl.Builder url = url(ApiPaths.ACCESS_LOG, filter).addQueryParameter("limit",
                Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return calls.authed(new Request.Builder().url(url.build()).get(), ACCESS_LOG_PAGE);
    }

    @Override
    public long csv(AccessLogFilter filter, OutputStream out) {
        HttpUrl url = url(ApiPaths.ACCESS_LOG_EXPORT, filter).build();
        return calls.authed(new Request.Builder().url(url).get(),
                r -> calls.http().stream(r, in -> in.transferTo(out)));
    }

    @Override
    public ChainVerificationDto verify(String checkpoint) {
        HttpUrl.Builder url = calls.url(ApiPaths.ACCESS_LOG_VERIFY).newBuilder();
        if (checkpoint != null) {
            url.addQueryParameter("checkpoint", checkpoint);
        }
        return calls.authed(new Request.Builder().url(url.build()).get(),
                new TypeReference<ChainVerificationDto>() { });
    }

    private HttpUrl.Builder url(String path, AccessLogFilter filter) {
        HttpUrl.Builder url = calls.url(path).newBuilder();
        AccessLogFilter f = filter == null ? AccessLogFilter.none() : filter;
        HttpPlatformClient.addIfSet(url, "actor", f.actor());
        HttpPlatformClient.addIfSet(url, "action", f.action());
        HttpPlatformClient.addIfSet(url, "objectId", f.objectId());
        HttpPlatformClient.addIfSet(url, "from", f.from() == null ? null : f.from().toString());
        HttpPlatformClient.addIfSet(url, "to", f.to() == null ? null : f.to().toString());
        return url;
    }
}
