package org.iqracity.console.platform.service;

import java.util.List;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;

/**
 * A refusal the caller should hear about: an HTTP status, a stable code and a sentence without internals.
 * The service layer throws these; the web layer turns them into problem+json.
 */
public class PlatformException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Long retryAfterSeconds;

    public PlatformException(int status, String code, String title, String detail, List<Problem.FieldError> errors,
                             Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static PlatformException notFound() {
        return new PlatformException(404, ProblemCode.NOT_FOUND, "Not found",
                "There is nothing at this address, or you may not see it.", List.of(), null);
    }

    public static PlatformException forbidden(String detail) {
        return new PlatformException(403, ProblemCode.FORBIDDEN, "Forbidden", detail, List.of(), null);
    }

    public static PlatformException invalid(List<Problem.FieldError> errors) {
        return new PlatformException(422, ProblemCode.VALIDATION_FAILED, "Validation failed",
                "Some fields are not valid.", errors, null);
    }

    public static PlatformException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static PlatformException badRequest(String code, String detail) {
        return new PlatformException(400, code, "Bad request", detail, List.of(), null);
    }

    public static PlatformException unauthorized(String code, String detail) {
        return new PlatformException(401, code, "Unauthorized", detail, List.of(), null);
    }

    public static PlatformException throttled(long retryAfterSeconds) {
        return new PlatformException(429, ProblemCode.THROTTLED, "Too many attempts",
                "Too many failed sign-in attempts. Try again in " + retryAfterSeconds + " seconds.", List.of(),
                retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
