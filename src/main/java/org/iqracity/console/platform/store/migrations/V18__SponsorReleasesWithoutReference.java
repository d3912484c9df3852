package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.ReleaseSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases made before this version carried a {@code sponsor_reference} column: the employer's or programme's own
 * number for each learner, an identifier R5 keeps from leaving the platform and R7 does not list. Each stored
 * snapshot is rewritten with R7's columns only, its retired accounts (R6) after the named learners instead of where
 * their hidden name sorted. What a sponsor already downloaded cannot be recalled; the platform stops holding it in
 * releases and stops serving it. Reads go through {@link ReleaseSnapshot#r7} as well, so a snapshot this could not
 * read (left as it was, and named in the log) is never served with more than R7 either.
 */
public class V18__SponsorReleasesWithoutReference extends BaseJavaMigration {
    private static final Logger LOGGER = LoggerFactory.getLogger(V18__SponsorReleasesWithoutReference.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        // one snapshot in memory at a time: each may be megabytes
        List<String> ids = Jdbc.query(c, "SELECT id FROM sponsor_release ORDER BY id", rs -> rs.getString(1));
        int rewritten = 0;
        for (String id : ids) {
            String content = Jdbc.query(c, "SELECT content FROM sponsor_release WHERE id = ?",
                    rs -> rs.getString(1), id).getFirst();
            String r7;
            try {
                r7 = ReleaseSnapshot.retiredLast(ReleaseSnapshot.r7(content));
            } catch (IllegalStateException unreadable) {
                LOGGER.warn("Sponsor release {} left as it was: {}", id, unreadable.getMessage());
                continue;
            }
            if (!r7.equals(content)) {
                Jdbc.update(c, "UPDATE sponsor_release SET content = ? WHERE id = ?", r7, id);
                rewritten++;
            }
        }
        LOGGER.info("Sponsor releases rewritten with R7's columns only: {} of {}", rewritten, ids.size());
    }
}
