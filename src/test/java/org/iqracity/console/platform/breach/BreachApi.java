package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.platform.TestApi;

/** The breach-notice calls the tests make, over real HTTP. */
final class BreachApi {
    final TestApi api;

    BreachApi(TestApi api) {
        this.api = api;
    }

    static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    IncidentRequest request(String title, BreachScope scope, Instant discovered) {
        return new IncidentRequest(title, discovered, discovered.minus(Duration.ofDays(3)),
                discovered.minus(Duration.ofDays(2)), "A misconfigured storage bucket exposed a copy of course data.",
                List.of(DataCategory.NAME, DataCategory.EMAIL, DataCategory.PERFORMANCE), "Reporting warehouse",
                "We closed access and rotated all keys.", "Watch for emails that pretend to come from us.",
                "privacy@northbridge.example, +1 555 0100", scope, null, null);
    }

    TestApi.Response create(String token, IncidentRequest r) {
        return api.post(ApiPaths.BREACH_NOTICES, token, json(r));
    }

    IncidentDto created(String token, IncidentRequest r) {
        TestApi.Response res = create(token, r);
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.as(IncidentDto.class);
    }

    TestApi.Response get(String token, String id) {
        return api.get(ApiPaths.breachNotice(id), token);
    }

    IncidentDto incident(String token, String id) {
        return get(token, id).as(IncidentDto.class);
    }

    TestApi.Response put(String token, String id, String ifMatch, IncidentRequest r) {
        HttpRequest.Builder b = api.request(ApiPaths.breachNotice(id), token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json(r)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return api.send(b.build());
    }

    BreachPreviewDto preview(String token, String id) {
        TestApi.Response r = api.get(ApiPaths.breachNotice(id) + "/preview", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(BreachPreviewDto.class);
    }

    TestApi.Response step(String token, String id, String step, String body) {
        return api.post(ApiPaths.breachNotice(id) + "/" + step, token, body == null ? "" : body);
    }

    IncidentDto submitted(String token, String id) {
        TestApi.Response r = step(token, id, "submit", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(IncidentDto.class);
    }

    TestApi.Response approve(String token, IncidentDto submitted) {
        return step(token, submitted.id(), "approve", json(new ApprovalRequest(submitted.textFingerprint(),
                submitted.recipientsFingerprint())));
    }

    IncidentDto approved(String token, IncidentDto submitted) {
        TestApi.Response r = approve(token, submitted);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(IncidentDto.class);
    }

    IncidentDto sent(String token, String id) {
        TestApi.Response r = step(token, id, "send", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(IncidentDto.class);
    }

    /** Polls until the incident satisfies {@code done}, for at most {@code limit}. */
    IncidentDto await(String token, String id, Predicate<IncidentDto> done, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        IncidentDto now = incident(token, id);
        while (!done.test(now)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("gave up waiting; incident is " + now.state() + " " + now.progress());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            now = incident(token, id);
        }
        return now;
    }

    IncidentDto awaitSent(String token, String id, Duration limit) {
        return await(token, id, i -> i.state() == IncidentState.SENT, limit);
    }
}
