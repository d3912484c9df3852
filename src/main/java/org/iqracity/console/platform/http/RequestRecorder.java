package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each answered request leaves behind: one line in the request log and its share of the request meters. Both
 * name the route's template ({@code /api/v1/courses/{courseId}/learners}), never the path, which carries course and
 * learner ids; neither names who asked. The date and the node come with every log line.
 */
final class RequestRecorder {
    /** The request log's own logger, so an operator can route or quieten it apart from the rest. */
    static final String LOGGER_NAME = "platform.request";
    private static final Logger REQUESTS = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Logger LOGGER = LoggerFactory.getLogger(RequestRecorder.class);
    /** Requests that matched no route share one name: an unknown path must not become a series of its own. */
    static final String NO_ROUTE = "(no route)";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final MeterRegistry registry;

    RequestRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once each request has been answered, refusals and failures included. */
    void answered(Context ctx, Float millis) {
        String method = ctx.method().name();
        String route = routeOf(ctx);
        int status = ctx.statusCode();
        double ms = millis == null ? 0 : millis;
        Timer.builder("http.server.requests")
                .description("Requests answered, by route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
        REQUESTS.info("{} {} {} {} ms", method, route, status, String.format(Locale.ROOT, "%.1f", ms));
    }

    /**
     * A request refused for now (429): a throttled sign-in, a heavy call over its limit, a caller refused too often.
     * Counted and logged by route and code, without who: the Member's access log names the person where that is
     * theirs to read.
     */
    void refusedForNow(Context ctx, String code) {
        String route = routeOf(ctx);
        Counter.builder("platform.refusals")
                .description("Requests refused for now (429), by route template and problem code")
                .tags("route", route, "code", code)
                .register(registry)
                .increment();
        LOGGER.info("Refused for now ({}) on {} {}", code, ctx.method(), route);
    }

    /** The matched route's template: paths themselves carry learner ids, which stay out of the log. */
    static String routeOf(Context ctx) {
        try {
            String path = ctx.endpoint().path;
            return path == null || path.isEmpty() || "*".equals(path) ? NO_ROUTE : path;
        } catch (RuntimeException e) {
            return NO_ROUTE;
        }
    }
}
