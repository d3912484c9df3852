package org.iqracity.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;

/**
 * Real HTTP/1.1 with keep-alive against a running platform. Every answer that is not 200 is counted as an error
 * (and remembered), so that a fast failure can never pass for a fast answer.
 */
final class BenchHttp {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong errors = new AtomicLong();
    private volatile String lastError;

    BenchHttp(URI base) {
        this.base = base;
    }

    record Answer(String body, long nanos) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON", e);
            }
        }

        String nextCursor() {
            JsonNode n = json().path("nextCursor");
            return n.isNull() || n.isMissingNode() ? null : n.asText();
        }
    }

    String signIn(String username) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve(ApiPaths.SESSION)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Client", "member-console-bench/1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                        + "\",\"password\":\"sandbox-password\"}"))
                .build();
        Answer a = send(r);
        if (a == null) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + lastError);
        }
        return a.json().path("accessToken").asText();
    }

    /** GETs {@code path}; answers null (and counts an error) for anything but 200. */
    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("X-Client", "member-console-bench/1")
                .GET().build());
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                errors.incrementAndGet();
                lastError = request.method() + " " + request.uri().getRawPath() + " -> " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(300, r.body().length()));
                return null;
            }
            return new Answer(r.body(), nanos);
        } catch (IOException e) {
            errors.incrementAndGet();
            lastError = request.uri().getRawPath() + " -> " + e;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError;
    }
}
