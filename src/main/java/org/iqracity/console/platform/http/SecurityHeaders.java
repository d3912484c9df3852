package org.iqracity.console.platform.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Headers on every answer, set by Jetty before any handler runs so refusals carry them too. The API serves JSON,
 * CSV and NDJSON about people to a desktop client: nothing may be cached, sniffed into HTML, framed, or sent on as
 * a referrer, and a browser that opens an address by mistake runs nothing. Over TLS, browsers are told to stay on
 * HTTPS.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    static final String HSTS = "max-age=31536000";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable headers) {
        apply(headers, tls);
        return request;
    }

    static void apply(HttpFields.Mutable headers, boolean tls) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        if (tls) {
            headers.put("Strict-Transport-Security", HSTS);
        }
    }
}
