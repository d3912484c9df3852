package org.iqracity.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One request, one answer: sends, reads JSON and maps every failure to an {@link ApiException} subtype. */
final class HttpExchange {

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpExchange.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient okHttp;
    private final ObjectMapper reader = Json.tolerantMapper();
    private final ObjectMapper writer = Json.mapper();

    HttpExchange(OkHttpClient okHttp) {
        this.okHttp = okHttp;
    }

    RequestBody jsonBody(Object body) {
        try {
            return RequestBody.create(writer.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    <T> T send(Request request, Class<T> type) {
        return send(request, reader.getTypeFactory().constructType(type));
    }

    <T> T send(Request request, TypeReference<T> type) {
        return send(request, reader.getTypeFactory().constructType(type));
    }

    void sendNoContent(Request.Builder request) {
        exchange(request.build(), (response, body) -> null);
    }

    /** Reads the body and the ETag header; an answer without one names no version and cannot be changed safely. */
    <T> Versioned<T> sendVersioned(Request request, Class<T> type) {
        JavaType javaType = reader.getTypeFactory().constructType(type);
        return exchange(request, (response, responseBody) -> {
            String etag = response.header("ETag");
            if (etag == null || etag.isBlank()) {
                throw new MalformedResponseException("no ETag from " + request.url().encodedPath(), null);
            }
            return new Versioned<>(readStreamed(request, responseBody, javaType), etag.strip());
        });
    }

    /**
     * Like {@link #sendVersioned(Request, Class)}, but an answer without an ETag takes the tag {@code fromBody} names
     * for it: for bodies that carry their own version.
     */
    <T> Versioned<T> sendVersioned(Request request, Class<T> type, Function<T, String> fromBody) {
        JavaType javaType = reader.getTypeFactory().constructType(type);
        return exchange(request, (response, responseBody) -> {
            T value = readStreamed(request, responseBody, javaType);
            String etag = response.header("ETag");
            return new Versioned<>(value, etag == null || etag.isBlank() ? fromBody.apply(value) : etag.strip());
        });
    }

    /** For long answers read as they arrive (a roster): {@code reader} gets the body while the call is open. */
    <T> T stream(Request request, StreamReader<T> streamReader) {
        return exchange(request, (response, body) -> {
            try {
                return streamReader.read(body.byteStream());
            } catch (IOException e) {
                throw new PlatformUnreachableException("the answer from " + request.url().host() + " broke off", e);
            }
        });
    }

    @FunctionalInterface
    interface StreamReader<T> {
        T read(InputStream body) throws IOException;
    }

    private <T> T send(Request request, JavaType type) {
        return exchange(request, (response, responseBody) -> readStreamed(request, responseBody, type));
    }

    /**
     * Parses the answer as it arrives: a page of 500 learners is half a megabyte of JSON, which read into one string
     * first (twice that in UTF-16 when a name has a letter beyond Latin-1) made the garbage collector stop the
     * screen to place it.
     */
    private <T> T readStreamed(Request request, ResponseBody body, JavaType type) {
        if (body == null) {
            throw new MalformedResponseException("empty answer", null);
        }
        T value;
        try (InputStream in = body.byteStream()) {
            value = reader.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("unreadable answer from " + request.url().encodedPath(), e);
        } catch (IOException e) {
            throw new PlatformUnreachableException("the answer broke off", e);
        }
        if (value == null) {
            throw new MalformedResponseException("empty answer", null);
        }
        return value;
    }

    private <T> T exchange(Request request, BodyReader<T> onSuccess) {
        long started = System.nanoTime();
        // Only method and path: query strings may hold search text typed about a learner.
        String what = request.method() + " " + request.url().encodedPath();
        try (Response response = okHttp.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            LOGGER.debug("{} -> {} in {} ms", what, response.code(), (System.nanoTime() - started) / 1_000_000);
            if (response.isSuccessful()) {
                return onSuccess.read(response, responseBody);
            }
            String body = text(responseBody);
            throw new ApiHttpException(response.code(), problem(response, body), retryAfter(response));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new PlatformUnreachableException("cancelled", e);
            }
            throw new PlatformUnreachableException("no answer in time from " + request.url().host(), e);
        } catch (SSLException e) {
            throw new TlsProblemException("secure connection to " + request.url().host() + " failed", e);
        } catch (IOException e) {
            if (hasCause(e, CertificateException.class) || hasCause(e, SSLException.class)) {
                throw new TlsProblemException("secure connection to " + request.url().host() + " failed", e);
            }
            LOGGER.debug("{} failed: {}", what, e.toString());
            throw new PlatformUnreachableException("cannot reach " + request.url().host(), e);
        }
    }

    private Problem problem(Response response, String body) {
        try {
            Problem parsed = reader.readValue(body, Problem.class);
            if (parsed != null) {
                return parsed;
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("error answer {} was not a problem document", response.code());
        }
        return new Problem("about:blank", response.message(), response.code(), null, null, null, null);
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String text(ResponseBody body) {
        try {
            return body == null ? "" : body.string();
        } catch (IOException e) {
            throw new PlatformUnreachableException("the answer broke off", e);
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response, ResponseBody body);
    }
}
