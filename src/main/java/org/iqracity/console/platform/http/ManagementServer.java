package org.iqracity.console.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * The management port: {@code GET /metrics} in Prometheus's text format, apart from the API so that the API's port
 * never shows it. On a loopback address it may go without a token; on any other it asks for its own bearer token
 * (never a staff member's), compared in constant time.
 */
public final class ManagementServer implements AutoCloseable {
    public static final String METRICS = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;
    private final byte[] token;

    private ManagementServer(Javalin app, byte[] token) {
        this.app = app;
        this.token = token;
    }

    /**
     * @param token the bearer token scrapers must send; null for none, allowed on a loopback address only
     * @param metrics the scrape, in Prometheus's text format
     */
    public static ManagementServer start(String host, int port, String token, Supplier<String> metrics) {
        if (token == null && !loopback(host)) {
            throw new IllegalStateException("The management port on " + host + " needs a token: set "
                    + "PLATFORM_MANAGEMENT_TOKEN (or bind it to 127.0.0.1)");
        }
        byte[] expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setStopTimeout(0));
            config.routes.get(METRICS, ctx -> {
                if (!allowed(ctx, expected)) {
                    ctx.header("WWW-Authenticate", "Bearer").status(401).contentType("text/plain")
                            .result("A bearer token is needed.\n");
                    return;
                }
                ctx.contentType(PROMETHEUS_TEXT).result(metrics.get());
            });
        });
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            throw new IllegalStateException("Management port " + port + " on " + host + " is in use by another "
                    + "program; choose another with --management-port", e);
        }
        return new ManagementServer(app, expected);
    }

    private static boolean allowed(Context ctx, byte[] expected) {
        if (expected == null) {
            return true;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expected, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    /** Whether it asks for a token. */
    public boolean guarded() {
        return token != null;
    }

    @Override
    public void close() {
        app.stop();
    }
}
