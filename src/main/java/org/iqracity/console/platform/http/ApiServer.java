package org.iqracity.console.platform.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.service.PlatformException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's HTTP face: Javalin on Jetty, virtual threads, TCP_NODELAY, problem+json for every error. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final List<Route> routes;
    private ServerConnector connector;

    public ApiServer(PlatformServices services, String host, int port) {
        this.routes = ApiRoutes.build(services);
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
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                c.setHost(host);
                c.setPort(port);
                // Without it, Nagle and delayed ACKs add ~40 ms to small responses.
                c.setAcceptedTcpNoDelay(true);
                connector = c;
                return c;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.routes.before(Requests::checkPath);
            // HEAD would answer an empty 200 for any GET route without running it, so without authenticating.
            config.routes.before(ctx -> {
                if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
                    ctx.header("Allow", "GET");
                    throw new PlatformException(405, org.iqracity.console.api.ProblemCode.METHOD_NOT_ALLOWED,
                            "Method not allowed", "Use GET.", java.util.List.of(), null);
                }
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), r.handler());
            }
            config.routes.exception(PlatformException.class, (e, ctx) -> Problems.write(ctx, Problems.of(e)));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> Problems.write(ctx, Problems.forStatus(e.getStatus())));
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
    private static String routeOf(io.javalin.http.Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }

    public ApiServer start() {
        app.start();
        return this;
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
