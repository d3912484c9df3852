package org.iqracity.console.client;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The secure connection could not be set up: untrusted or expired certificate, wrong host name, not TLS at all. */
public class TlsProblemException extends ApiException {

    /** What went wrong, so the console can say it in words and name the fix. */
    public enum Reason {
        /** No trusted certificate authority issued the certificate (self-signed, or an in-house CA not trusted). */
        UNTRUSTED,
        /** The certificate has expired or is not valid yet (or this computer's clock is wrong). */
        EXPIRED,
        /** The certificate was issued for another host name than the address used. */
        HOST_MISMATCH,
        /** The address answered, but not with TLS: most likely an http:// platform reached as https://. */
        NOT_TLS,
        /** Anything else: no common protocol or cipher, a broken handshake. */
        OTHER
    }

    private final Reason reason;

    public TlsProblemException(String message, Throwable cause) {
        this(message, cause, classify(cause));
    }

    public TlsProblemException(String message, Throwable cause, Reason reason) {
        super(message + " (" + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")", cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Reads the JDK's and OkHttp's exceptions: their types where they have one, their words where they do not. */
    static Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return Reason.EXPIRED;
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return Reason.EXPIRED;
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Reason.EXPIRED;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return Reason.UNTRUSTED;
            }
            // OkHttp's host name check: "Hostname x not verified: certificate: ...".
            if (t instanceof SSLPeerUnverifiedException && String.valueOf(t.getMessage()).contains("not verified")) {
                return Reason.HOST_MISMATCH;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("unrecognized ssl message") || m.contains("plaintext connection")
                    || m.contains("unsupported or unrecognized")) {
                return Reason.NOT_TLS;
            }
            if (m.contains("no subject alternative") || m.contains("no name matching")) {
                return Reason.HOST_MISMATCH;
            }
            if (m.contains("unable to find valid certification path")) {
                return Reason.UNTRUSTED;
            }
        }
        return Reason.OTHER;
    }
}
