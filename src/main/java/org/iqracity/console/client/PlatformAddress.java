package org.iqracity.console.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.iqracity.console.api.ApiPaths;

/**
 * Turns what a person typed as a platform address into a base URI, or says it is not one. The API's own address, as
 * the platform prints it on start ({@code http://127.0.0.1:8080/api/v1}), is taken for its base.
 */
public final class PlatformAddress {

    private PlatformAddress() {
    }

    public static Optional<URI> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = (isLoopback(text) ? "http://" : "https://") + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.empty();
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            // The address a platform prints on start names its API ("/api/v1"); the base is what comes before.
            if (path.endsWith(ApiPaths.BASE)) {
                path = path.substring(0, path.length() - ApiPaths.BASE.length());
            }
            return Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isLoopback(String text) {
        return text.startsWith("127.") || text.startsWith("localhost") || text.startsWith("[::1]");
    }
}
