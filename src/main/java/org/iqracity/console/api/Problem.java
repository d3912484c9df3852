package org.iqracity.console.api;

import java.util.List;

/**
 * An RFC 9457 problem document with a stable machine {@code code}. Bodies never carry stack traces, SQL or secrets.
 *
 * @param errors per-field messages for {@code validation_failed}; empty otherwise
 * @param retryAfterSeconds for {@code throttled}: the same wait as the Retry-After header
 */
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldError> errors, Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record FieldError(String field, String message) {
    }
}
