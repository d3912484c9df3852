package org.iqracity.console.client;

/** No answer: the address is wrong, the platform is down, or the network is. */
public class PlatformUnreachableException extends ApiException {
    public PlatformUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
