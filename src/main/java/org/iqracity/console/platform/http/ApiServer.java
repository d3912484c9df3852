package org.iqracity.console.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's HTTP face: Javalin on Jetty, virtual threads, TCP_NODELAY, problem+json for every error. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiServer.class);

    /** How long a stop waits for requests in flight unless told otherwise. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private final Javalin app;
    private final List<Route> routes;
    private ServerConnector connector;
    private final boolean tls;

    public ApiServer(PlatformServices services, String host, int port) {
        this(services, host, port, null, null);
    }

    /**
     * @param tlsKeys the server's key and certificate chain, or null for plain HTTP
     * @param tlsPassword the keystore's (and its key's) password
     */
    public ApiServer(PlatformServices services, String host, int port, KeyStore tlsKeys, char[] tlsPassword) {
        this(services, host, port, tlsKeys, tlsPassword, TrustedProxies.configured());
    }

    /** @param proxies the load balancers whose {@code X-Forwarded-For} names the client */
    public ApiServer(PlatformServices services, String host, int port, KeyStore tlsKeys, char[] tlsPassword,
                     TrustedProxies proxies) {
        this(services, host, port, tlsKeys, tlsPassword, proxies, new SimpleMeterRegistry(), DEFAULT_GRACE);
    }

    /**
     * @param meters where each request's time is recorded, by route template and status
     * @param grace at a stop, how long requests in flight may take to finish before the server stops regardless
     */
    public ApiServer(PlatformServices services, String host, int port, KeyStore tlsKeys, char[] tlsPassword,
                     TrustedProxies proxies, MeterRegistry meters, Duration grace) {
        this.tls = tlsKeys != null;
        this.routes = ApiRoutes.build(services);
        RequestRecorder recorder = new RequestRecorder(meters);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Requests.MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
            // A known path with a method it does not serve is 405, not 404, so clients can tell a typo from a misuse.
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(Json.mapper(), true));
            config.jetty.addConnector((server, httpConfig) -> {
                httpConfig.setSendServerVersion(false);
                // Javalin relaxes Jetty to LEGACY, which lets through %u0041 and other escapes that Javalin's own
                // path decoding then fails on (a 500); RFC 3986 compliance refuses them as 400 before routing.
                httpConfig.setUriCompliance(UriCompliance.DEFAULT);
                httpConfig.addCustomizer(new SecurityHeaders(tlsKeys != null));
                ServerConnector c = tlsKeys == null
                        ? new ServerConnector(server, new HttpConnectionFactory(httpConfig))
                        : tlsConnector(server, httpConfig, tlsKeys, tlsPassword);
                c.setHost(host);
                c.setPort(port);
                // Without it, Nagle and delayed ACKs add ~40 ms to small responses.
                c.setAcceptedTcpNoDelay(true);
                connector = c;
                return c;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler(tlsKeys != null));
                // A stop first closes the port, then waits (at most the grace period) for the requests in flight.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(grace.toMillis());
            });
            config.requestLogger.http(recorder::answered);
            config.routes.before(ctx -> ctx.attribute(Requests.CLIENT_ADDRESS,
                    proxies.clientOf(ctx.ip(), ctx.header("X-Forwarded-For"))));
            config.routes.before(Requests::checkPath);
            config.routes.before(Requests::refuseMethodOverride);
            // HEAD would answer an empty 200 for any GET route without running it, so without authenticating.
            config.routes.before(ctx -> {
                if (ctx.method() == HandlerType.HEAD) {
                    ctx.header("Allow", "GET");
                    throw new PlatformException(405, ProblemCode.METHOD_NOT_ALLOWED,
                            "Method not allowed", "Use GET.", List.of(), null);
                }
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), r.handler());
            }
            config.routes.exception(PlatformException.class, (e, ctx) -> {
                if (e.status() == 429) {
                    recorder.refusedForNow(ctx, e.code());
                }
                Problems.write(ctx, Problems.of(e));
            });
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> Problems.write(ctx, Problems.forStatus(e.getStatus())));
            config.routes.exception(DataAccessException.class, (e, ctx) -> {
                if (e.isUnavailable()) {
                    // one line, no stack trace: the outage is the database's, and it says so at every request
                    LOGGER.warn("Database unavailable on {} {}", ctx.method(), routeOf(ctx));
                    ctx.header("Retry-After", "5");
                    Problems.write(ctx, Problems.forStatus(503));
                    return;
                }
                LOGGER.error("Unhandled failure on {} {}: {}", ctx.method(), routeOf(ctx), SafeErrors.describe(e));
                Problems.write(ctx, Problems.forStatus(500));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOGGER.error("Unhandled failure on {} {}: {}", ctx.method(), routeOf(ctx), SafeErrors.describe(e));
                Problems.write(ctx, Problems.forStatus(500));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    Problems.write(ctx, Problems.forStatus(404));
                }
            });
            config.routes.error(405, ctx -> {
                ctx.header("Allow", allowedMethods(ctx.path()));
                Problems.write(ctx, Problems.forStatus(405));
            });
        });
    }

    /** HTTPS only on this port: TLS 1.2 or newer (Jetty's defaults exclude the weak suites), HTTP/1.1 inside. */
    private static ServerConnector tlsConnector(Server server, HttpConfiguration plain,
                                                KeyStore keys, char[] password) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword(new String(password));
        ssl.setKeyManagerPassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme("https");
        // Host names are the client's to check against the certificate; the server serves whatever name it was
        // reached by (an IP address, an internal DNS name), so no SNI host check here.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    /** Whether this server speaks HTTPS. */
    public boolean tls() {
        return tls;
    }

    /** What the Allow header of a 405 lists (RFC 9110): the methods of the routes whose template fits the path. */
    private String allowedMethods(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.stream()
                .filter(r -> p.matches(Arrays.stream(r.path().split("/"))
                        .map(seg -> seg.startsWith("{") ? "[^/]+" : Pattern.quote(seg))
                        .collect(Collectors.joining("/"))))
                .map(r -> r.method().name())
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** The matched route's template: paths themselves carry learner ids, which stay out of the log. */
    private static String routeOf(Context ctx) {
        return RequestRecorder.routeOf(ctx);
    }

    /** Starts serving; a port another program holds is a set-up problem, said as one (the command prints it). */
    public ApiServer start() {
        try {
            app.start();
        } catch (JavalinBindException e) {
            try {
                app.stop();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw new IllegalStateException("Port " + connector.getPort() + " on " + hostName()
                    + " is in use by another program; choose another with --port (0 picks a free one)", e);
        }
        return this;
    }

    private String hostName() {
        return connector.getHost() == null ? "all addresses" : connector.getHost();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }
}
