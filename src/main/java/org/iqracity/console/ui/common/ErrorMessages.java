package org.iqracity.console.ui.common;

import java.time.Duration;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.MalformedResponseException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.SessionExpiredException;
import org.iqracity.console.client.TlsProblemException;

/** Turns a failure into words a course administrator understands, plus what to do next. */
public final class ErrorMessages {

    private final Messages messages;

    public ErrorMessages(Messages messages) {
        this.messages = messages;
    }

    public UserMessage describe(Throwable failure) {
        return switch (failure) {
            case ApiHttpException http -> describeHttp(http);
            case PlatformUnreachableException e -> message("error.unreachable");
            case TlsProblemException e -> message(switch (e.reason()) {
                case UNTRUSTED -> "error.tls.untrusted";
                case EXPIRED -> "error.tls.expired";
                case HOST_MISMATCH -> "error.tls.hostMismatch";
                case NOT_TLS -> "error.tls.notTls";
                case OTHER -> "error.tls";
            });
            case MalformedResponseException e -> message("error.malformed");
            case SessionExpiredException e -> message("error.sessionExpired");
            case VersionMismatchException v -> new UserMessage(
                    messages.format("error.version.text", v.consoleVersion(), v.platformVersion()),
                    messages.get("error.version.hint"));
            default -> message("error.unexpected");
        };
    }

    private UserMessage describeHttp(ApiHttpException e) {
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case ProblemCode.INVALID_CREDENTIALS -> message("error.invalidCredentials");
            case ProblemCode.MFA_INVALID -> message("error.mfaInvalid");
            case ProblemCode.MFA_REUSED -> message("error.mfaReused");
            case ProblemCode.MFA_REQUIRED -> message("error.mfaRequired");
            case ProblemCode.THROTTLED -> new UserMessage(messages.get("error.throttled.text"),
                    messages.format("error.throttled.hint", wait(e.retryAfter().orElse(Duration.ofMinutes(1)))));
            case ProblemCode.RATE_LIMITED -> new UserMessage(messages.get("error.rateLimited.text"),
                    messages.format("error.rateLimited.hint", wait(e.retryAfter().orElse(Duration.ofMinutes(1)))));
            case ProblemCode.NOT_FOUND -> message("error.notFound");
            case ProblemCode.FORBIDDEN -> message("error.forbidden");
            case ProblemCode.UNAUTHENTICATED, ProblemCode.SESSION_EXPIRED, ProblemCode.INVALID_REFRESH_TOKEN ->
                    message("error.sessionExpired");
            case ProblemCode.VALIDATION_FAILED -> message("error.validation");
            case ProblemCode.INTERNAL_ERROR, ProblemCode.UNAVAILABLE -> message("error.server");
            default -> e.serverFailed() ? message("error.server")
                    : new UserMessage(messages.format("error.refused.text", e.statusNumber()),
                            messages.get("error.refused.hint"));
        };
    }

    /** "42 seconds", "1 minute", "3 minutes": the wait as a person would say it. */
    public String wait(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        if (seconds < 90) {
            return messages.format("duration.seconds", seconds);
        }
        return messages.format("duration.minutes", (seconds + 59) / 60);
    }

    private UserMessage message(String key) {
        return new UserMessage(messages.get(key + ".text"), messages.get(key + ".hint"));
    }
}
