package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.accesslog.AccessLogService;
import org.iqracity.console.platform.store.AccessLogRepository.Filter;

final class AccessLogController {
    private static final Set<String> FILTERS = Set.of("actor", "action", "objectId", "from", "to");
    private static final Set<String> PAGE_PARAMS = Set.of("actor", "action", "objectId", "from", "to", "limit",
            "cursor");

    private final AccessLogService service;
    private final WorkLimits limits;

    AccessLogController(AccessLogService service, WorkLimits limits) {
        this.service = service;
        this.limits = limits;
    }

    void page(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, PAGE_PARAMS);
        Filter filter = filter(p);
        int limit = p.integer("limit", 50);
        String cursor = p.string("cursor");
        p.check();
        ctx.json(service.page(caller, filter, cursor, limit));
    }

    void export(Context ctx, Caller caller) throws Exception {
        Requests.Params p = new Requests.Params(ctx, FILTERS);
        Filter filter = filter(p);
        p.check();
        AccessLogService.requireOfficer(caller);
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.ACCESS_LOG_EXPORT)) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition",
                    "attachment; filename=\"access-log.csv\"").header("Cache-Control", "no-store");
            service.exportCsv(caller, filter, ctx.outputStream());
        }
    }

    void verify(Context ctx, Caller caller) {
        Requests.Params params = new Requests.Params(ctx, Set.of("checkpoint"));
        params.check();
        AccessLogService.requireOfficer(caller);
        // Reads and hashes the Member's whole log.
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.ACCESS_LOG_VERIFY)) {
            ctx.json(service.verify(caller, params.string("checkpoint")));
        }
    }

    private static Filter filter(Requests.Params p) {
        return new Filter(p.string("actor"), p.string("action"), p.string("objectId"), time(p, "from"),
                time(p, "to"));
    }

    private static Instant time(Requests.Params p, String name) {
        String v = p.string(name);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            p.error(name, "Must be a time such as 2026-11-29T09:00:00Z.");
            return null;
        }
    }
}
