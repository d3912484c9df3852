package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * A conversion report's id is the reporting Member's, not the platform's (R1): keyed by Member and id, so that an id
 * another Member already used answers exactly like a fresh one instead of telling that it exists. The primary key's
 * name differs between the databases, hence Java.
 */
public class V19__RosterConversionIdsPerMember extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            if (Jdbc.isPostgres(c)) {
                st.execute("ALTER TABLE roster_conversion DROP CONSTRAINT roster_conversion_pkey");
            } else {
                st.execute("ALTER TABLE roster_conversion DROP PRIMARY KEY");
            }
            st.execute("ALTER TABLE roster_conversion ADD CONSTRAINT roster_conversion_pk "
                    + "PRIMARY KEY (member_id, report_id)");
        }
    }
}
