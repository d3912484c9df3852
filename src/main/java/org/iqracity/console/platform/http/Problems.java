package org.iqracity.console.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.List;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.service.PlatformException;

/** Writes RFC 9457 problem documents. Nothing here ever includes an exception message from below the service layer. */
final class Problems {
    private static final String TYPE_BASE = "https://docs.iqracity.example/problems/";

    private Problems() {
    }

    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_BASE + code.replace('_', '-'), title, status, detail, code, List.of(), null);
    }

    static Problem of(PlatformException e) {
        return new Problem(TYPE_BASE + e.code().replace('_', '-'), e.title(), e.status(), e.getMessage(), e.code(),
                e.errors(), e.retryAfterSeconds());
    }

    static void write(Context ctx, Problem problem) {
        if (problem.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE)
                    .result(Json.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"status\":500,\"code\":\"internal_error\"}");
        }
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, ProblemCode.MALFORMED_REQUEST, "Bad request", "The request could not be understood.");
            case 401 -> of(401, ProblemCode.UNAUTHENTICATED, "Unauthorized", "Sign in to use the platform.");
            case 403 -> of(403, ProblemCode.FORBIDDEN, "Forbidden", "You may not do this.");
            case 404 -> of(404, ProblemCode.NOT_FOUND, "Not found",
                    "There is nothing at this address, or you may not see it.");
            case 405 -> of(405, ProblemCode.METHOD_NOT_ALLOWED, "Method not allowed",
                    "This address does not accept that method.");
            case 413 -> of(413, ProblemCode.PAYLOAD_TOO_LARGE, "Payload too large", "The request body is too large.");
            case 415 -> of(415, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the request body as application/json.");
            // Jetty's answer to a request line without a usable HTTP version (HTTP/0.9, HTTP/9.9): the client's fault,
            // so it must not read as the platform's internal error.
            case 505 -> of(505, ProblemCode.MALFORMED_REQUEST, "HTTP version not supported",
                    "Send the request as HTTP/1.1.");
            case 503 -> of(503, ProblemCode.UNAVAILABLE, "Service unavailable",
                    "The platform cannot answer right now. Try again shortly.");
            default -> status >= 500
                    ? of(500, ProblemCode.INTERNAL_ERROR, "Internal error",
                    "Something went wrong on the platform. The error was recorded.")
                    : of(status, ProblemCode.MALFORMED_REQUEST, "Bad request", "The request could not be handled.");
        };
    }
}
