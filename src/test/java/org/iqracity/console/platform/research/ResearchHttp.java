package org.iqracity.console.platform.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.TestApi;

/** Asks a test platform for research exports over real HTTP and keeps the raw answer. */
final class ResearchHttp {
    private final TestApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    ResearchHttp(TestApi api) {
        this.api = api;
    }

    record Answer(int status, byte[] body, String contentType, String disposition) {
        ResearchArchiveFile archive() {
            assertThat(status).as(text()).isEqualTo(200);
            return ResearchArchiveFile.read(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer export(String courseId, String token, String json) {
        HttpRequest request = api.request(ApiPaths.courseResearchExports(courseId), token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
