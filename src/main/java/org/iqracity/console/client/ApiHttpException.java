package org.iqracity.console.client;

import java.time.Duration;
import java.util.Optional;
import org.iqracity.console.api.Problem;

/** The platform answered with an error status; {@link #problem()} carries its machine code. */
public class ApiHttpException extends ApiException {
    private final int status;
    private final Problem problem;
    private final Duration retryAfter;

    public ApiHttpException(int status, Problem problem, Duration retryAfter) {
        super("HTTP " + status + (problem.code() == null ? "" : " " + problem.code()), null);
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem's stable machine code, or null when the body was not a problem document. */
    public String code() {
        return problem.code();
    }

    /** The platform failed (5xx), as opposed to refusing what was asked. */
    public boolean serverFailed() {
        return status >= 500;
    }

    /** The status number, to be shown (a person may quote it to support), not to decide on: use the code. */
    public int statusNumber() {
        return status;
    }

    public boolean is(String problemCode) {
        return problemCode.equals(problem.code());
    }

    /** From the Retry-After header, else from the problem's {@code retryAfterSeconds}. */
    public Optional<Duration> retryAfter() {
        if (retryAfter != null) {
            return Optional.of(retryAfter);
        }
        return Optional.ofNullable(problem.retryAfterSeconds()).map(Duration::ofSeconds);
    }
}
