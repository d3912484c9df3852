package org.iqracity.console.client;

/** The session ended and could not be renewed silently: the person has to sign in again. */
public class SessionExpiredException extends ApiException {
    public SessionExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
