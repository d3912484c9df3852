package org.iqracity.console.client;

/** The secure connection could not be set up: untrusted or expired certificate, wrong host name, not TLS at all. */
public class TlsProblemException extends ApiException {
    public TlsProblemException(String message, Throwable cause) {
        super(message, cause);
    }
}
