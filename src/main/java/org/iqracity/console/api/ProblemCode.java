package org.iqracity.console.api;

/** The stable machine codes of {@link Problem}; clients switch on these, never on titles. */
public final class ProblemCode {
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    public static final String MFA_REQUIRED = "mfa_required";
    public static final String MFA_INVALID = "mfa_invalid";
    /** A right code that can no longer be used: it was used already, or a later one was (each code works once). */
    public static final String MFA_REUSED = "mfa_reused";
    public static final String THROTTLED = "throttled";
    /** Too many heavy calls (roster streams, access-log exports) in a short time; not about signing in. */
    public static final String RATE_LIMITED = "rate_limited";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String SESSION_EXPIRED = "session_expired";
    public static final String INVALID_REFRESH_TOKEN = "invalid_refresh_token";
    public static final String NOT_FOUND = "not_found";
    public static final String FORBIDDEN = "forbidden";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String MALFORMED_REQUEST = "malformed_request";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String VERSION_CONFLICT = "version_conflict";
    /** The object is not in a state that allows this step (e.g. editing a notice that was already approved). */
    public static final String STATE_CONFLICT = "state_conflict";
    public static final String PRECONDITION_REQUIRED = "precondition_required";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ProblemCode() {
    }
}
