package org.iqracity.console.platform.store.migrations;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;

/**
 * On PostgreSQL every node looks, every few seconds, for messages claimed by a run whose lease ran out
 * ({@link DeliveryRepository#lapsedHolders}). Only the few rows in flight at a time take part, so a partial index
 * holds just those and the look stays cheap beside millions of sent rows. The embedded database has one node, which
 * settles its claims once at its start as before, and H2 has no partial indexes: nothing to do there.
 */
public class V25__InFlightClaims extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!Jdbc.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS notice_delivery_in_flight ON notice_delivery (claimed_by) "
                    + "WHERE status = 'IN_FLIGHT'");
        }
    }
}
