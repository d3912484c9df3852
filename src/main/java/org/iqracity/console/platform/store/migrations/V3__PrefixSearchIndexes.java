package org.iqracity.console.platform.store.migrations;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * Prefix search ({@code LIKE 'abc%'}) on PostgreSQL can only use a b-tree index under the C collation or with
 * {@code text_pattern_ops}; H2 uses the plain indexes of V2. (V10 replaces these with indexes that also carry the
 * columns a search sorts and filters on.)
 */
public class V3__PrefixSearchIndexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Jdbc.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            for (String column : new String[] {"username_key", "name_key", "email_key"}) {
                st.execute("CREATE INDEX IF NOT EXISTS enrollment_prefix_" + column + " ON enrollment (course_id, "
                        + column + " text_pattern_ops)");
            }
        }
    }
}
