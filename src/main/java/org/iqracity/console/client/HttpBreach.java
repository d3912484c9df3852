package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.ReasonRequest;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.ResolveDeliveryRequest;
import org.iqracity.console.api.breach.SiteNoticeApproval;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;

/** {@link BreachClient} over {@link HttpPlatformClient}'s session. */
final class HttpBreach implements BreachClient {

    private static final TypeReference<Page<DeliveryDto>> DELIVERY_PAGE = new TypeReference<>() { };
    private static final TypeReference<IncidentDto> INCIDENT = new TypeReference<>() { };
    private final HttpPlatformClient calls;

    HttpBreach(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public List<IncidentSummaryDto> incidents() {
        return calls.authed(calls.get(ApiPaths.BREACH_NOTICES), new TypeReference<List<IncidentSummaryDto>>() { });
    }

    @Override
    public List<IncidentSummaryDto> incidentsInBackground() {
        TypeReference<List<IncidentSummaryDto>> type = new TypeReference<>() { };
        return calls.authed(calls.get(ApiPaths.BREACH_NOTICES).header(ApiPaths.BACKGROUND_HEADER, "true"),
                r -> calls.http().send(r, type), true);
    }

    @Override
    public List<JurisdictionDto> jurisdictions() {
        return calls.authed(calls.get(ApiPaths.BREACH_JURISDICTIONS), new TypeReference<List<JurisdictionDto>>() { });
    }

    @Override
    public Versioned<IncidentDto> create(IncidentRequest request) {
        return calls.authed(calls.postBuilder(ApiPaths.BREACH_NOTICES, request),
                r -> calls.http().sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public Versioned<IncidentDto> incident(String incidentId) {
        return calls.authed(calls.get(ApiPaths.breachNotice(incidentId)),
                r -> calls.http().sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public Versioned<IncidentDto> save(String incidentId, String ifMatch, IncidentRequest request) {
        Request.Builder put = new Request.Builder().url(calls.url(ApiPaths.breachNotice(incidentId)))
                .put(calls.http().jsonBody(request)).header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return calls.authed(put, r -> calls.http().sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public BreachPreviewDto preview(String incidentId) {
        return calls.authed(calls.get(path(incidentId, "/preview")), new TypeReference<BreachPreviewDto>() { });
    }

    @Override
    public NoticeMessageDto noticeMessage(String incidentId, String learnerId) {
        HttpUrl message = calls.url(path(incidentId, "/preview/message")).newBuilder()
                .addQueryParameter("learnerId", Objects.requireNonNull(learnerId, "learnerId")).build();
        return calls.authed(new Request.Builder().url(message).get(), new TypeReference<NoticeMessageDto>() { });
    }

    @Override
    public IncidentDto submit(String incidentId) {
        return calls.authed(calls.emptyPost(path(incidentId, "/submit")), INCIDENT);
    }

    @Override
    public IncidentDto returnToAuthor(String incidentId, String reason) {
        return calls.authed(calls.postBuilder(path(incidentId, "/return"), new ReasonRequest(reason)), INCIDENT);
    }

    @Override
    public IncidentDto approve(String incidentId, String textFingerprint, String recipientsFingerprint) {
        return calls.authed(calls.postBuilder(path(incidentId, "/approve"),
                new ApprovalRequest(textFingerprint, recipientsFingerprint)), INCIDENT);
    }

    @Override
    public IncidentDto send(String incidentId) {
        return calls.authed(calls.emptyPost(path(incidentId, "/send")), INCIDENT);
    }

    @Override
    public IncidentDto cancel(String incidentId, String reason) {
        return calls.authed(calls.postBuilder(path(incidentId, "/cancel"), new ReasonRequest(reason)), INCIDENT);
    }

    @Override
    public IncidentDto recordRegulatorNotification(String incidentId, RegulatorNotificationRequest request) {
        return calls.authed(calls.postBuilder(path(incidentId, "/regulator-notification"), request), INCIDENT);
    }

    @Override
    public Page<DeliveryDto> deliveries(String incidentId, DeliveryStatus status, NoticeChannel channel,
                                        String cursor, int limit) {
        HttpUrl.Builder url = calls.url(path(incidentId, "/deliveries")).newBuilder()
                .addQueryParameter("limit", Integer.toString(limit));
        HttpPlatformClient.addIfSet(url, "status", status == null ? null : status.name());
        HttpPlatformClient.addIfSet(url, "channel", channel == null ? null : channel.name());
        HttpPlatformClient.addIfSet(url, "cursor", cursor);
        return calls.authed(new Request.Builder().url(url.build()).get(), DELIVERY_PAGE);
    }

    @Override
    public IncidentDto retryDeliveries(String incidentId) {
        return calls.authed(calls.emptyPost(path(incidentId, "/deliveries/retry")), INCIDENT);
    }

    @Override
    public DeliveryDto resolveDelivery(String incidentId, long deliveryId, DeliveryResolution resolution) {
        String path = path(incidentId, "/deliveries/") + deliveryId + "/resolve";
        return calls.authed(calls.postBuilder(path, new ResolveDeliveryRequest(resolution)),
                new TypeReference<DeliveryDto>() { });
    }

    @Override
    public long lettersPdf(String incidentId, OutputStream out) {
        return calls.authed(calls.get(path(incidentId, "/letters")),
                r -> calls.http().stream(r, in -> in.transferTo(out)));
    }

    @Override
    public long record(String incidentId, RecordFormat format, OutputStream out) {
        HttpUrl url = calls.url(path(incidentId, "/record")).newBuilder()
                .addQueryParameter("format", format.name().toLowerCase(Locale.ROOT)).build();
        return calls.authed(new Request.Builder().url(url).get(),
                r -> calls.http().stream(r, in -> in.transferTo(out)));
    }

    @Override
    public SiteNoticeDto proposeSiteNotice(String incidentId, SiteNoticeRequest request) {
        Request.Builder put = new Request.Builder().url(calls.url(path(incidentId, "/site-notice")))
                .put(calls.http().jsonBody(request));
        return calls.authed(put, new TypeReference<SiteNoticeDto>() { });
    }

    @Override
    public SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint) {
        Request.Builder post = new Request.Builder()
                .url(calls.url(path(incidentId, "/site-notice/approve")))
                .post(calls.http().jsonBody(new SiteNoticeApproval(textFingerprint)));
        return calls.authed(post, new TypeReference<SiteNoticeDto>() { });
    }

    @Override
    public void withdrawSiteNotice(String incidentId) {
        Request.Builder delete = new Request.Builder().url(calls.url(path(incidentId, "/site-notice")))
                .delete();
        calls.authed(delete, r -> {
            calls.http().sendNoContent(r.newBuilder());
            return null;
        });
    }

    private static String path(String incidentId, String below) {
        return ApiPaths.breachNotice(incidentId) + below;
    }
}
