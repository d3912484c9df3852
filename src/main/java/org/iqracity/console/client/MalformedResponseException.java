package org.iqracity.console.client;

/** The platform answered, but not with what this console understands (a proxy page, a different server...). */
public class MalformedResponseException extends ApiException {
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
