package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.rosters.RosterConversions;
import org.iqracity.console.platform.service.rosters.RosterService;

final class RosterController {
    static final String NDJSON = "application/x-ndjson";

    /** Fifty course ids of 200 characters and the rest of a report fit well inside this. */
    private static final int CONVERSION_BODY_BYTES = 32 * 1024;

    private final RosterService rosters;
    private final RosterConversions conversions;
    private final SigningKeys keys;
    private final WorkLimits limits;

    RosterController(RosterService rosters, RosterConversions conversions, SigningKeys keys, WorkLimits limits) {
        this.rosters = rosters;
        this.conversions = conversions;
        this.keys = keys;
        this.limits = limits;
    }

    /** The columns, and the learner list's search, filters and order for a roster of that view alone. */
    private static final Set<String> ROSTER_PARAMS = LearnerQueryParams.with(LearnerQueryParams.VIEW, "fields");

    void roster(Context ctx, Caller caller) throws Exception {
        Requests.Params p = new Requests.Params(ctx, ROSTER_PARAMS);
        List<RosterField> fields = new ArrayList<>();
        String list = p.string("fields");
        if (list != null) {
            for (String name : list.split(",")) {
                RosterField f = RosterField.byColumn(name.strip()).orElse(null);
                if (f == null) {
                    p.error("fields", "Unknown field: choose from the roster fields in the API description.");
                    break;
                }
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            }
        }
        LearnerQuery view = LearnerQueryParams.read(p);
        p.check();
        RosterService.Export export = rosters.prepare(caller, ctx.pathParam("courseId"), fields, view);
        // Counted once the caller may have the roster: refusals (404, 403) cost the database little.
        try (WorkLimits.Permit permit = limits.begin(caller, WorkLimits.Kind.ROSTER)) {
            ctx.status(200).contentType(NDJSON).header("Cache-Control", "no-store");
            export.write(ctx.outputStream());
        }
    }

    void conversion(Context ctx, Caller caller) {
        RosterConversions.Receipt receipt = conversions.record(caller,
                Requests.body(ctx, RosterConversionReport.class, CONVERSION_BODY_BYTES));
        ctx.status(receipt.created() ? 201 : 200).json(receipt.dto());
    }

    void signingKey(Context ctx) {
        ctx.json(keys.publicKey());
    }
}
