package org.iqracity.console.client;

/** Anything that went wrong talking to the platform. Subtypes say what, so the console can say what to do. */
public abstract class ApiException extends RuntimeException {
    protected ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
