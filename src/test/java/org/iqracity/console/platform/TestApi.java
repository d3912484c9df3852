package org.iqracity.console.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.service.auth.Totp;

/**
 * Raw HTTP against a running platform, for tests that must see exactly what goes over the wire (status, headers,
 * bytes). The console's own client is tested against the platform separately.
 */
public final class TestApi {
    public static final String PASSWORD = "sandbox-password";
    public static final Map<String, String> TOTP_SECRETS = Map.of(
            "nb-security", "JBSWY3DPEHPK3PXP",
            "nb-security2", "KRSXG5CTMVRXEZLU",
            "sahel-security", "MFRGGZDFMZTWQ2LK");

    private final URI base;
    private final MutableClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param clock the platform's clock: second-factor codes are computed from it, a fresh step each time */
    public TestApi(URI base, MutableClock clock) {
        this.base = base;
        this.clock = clock;
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return Json.tolerantMapper().readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + type.getSimpleName() + " from: " + body, e);
            }
        }

        public <T> T as(TypeReference<T> type) {
            try {
                return Json.tolerantMapper().readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("cannot read from: " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String code() {
            return json().path("code").asText();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Client", "member-console-tests/1");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public URI base() {
        return base;
    }

    public Response signInResponse(String username, String password, String totp) {
        String body = totp == null
                ? "{\"username\":" + q(username) + ",\"password\":" + q(password) + "}"
                : "{\"username\":" + q(username) + ",\"password\":" + q(password) + ",\"totp\":" + q(totp) + "}";
        return post("/api/v1/session", null, body);
    }

    /** Signs a sandbox account in (with its second factor where it has one) and answers the access token. */
    public String signIn(String username) {
        return session(username).path("accessToken").asText();
    }

    public JsonNode session(String username) {
        String secret = TOTP_SECRETS.get(username);
        Response r = signInResponse(username, PASSWORD, secret == null ? null : nextTotp(secret));
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** A code from a time step not used before: each code works once (replay protection). */
    public String nextTotp(String secret) {
        clock.advance(Duration.ofSeconds(31));
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    public MutableClock clock() {
        return clock;
    }

    public static String q(String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
