package org.iqracity.console.platform.store.migrations;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The schema steps written in Java, beside the SQL ones in {@code db/migration}: each one either differs between H2
 * and PostgreSQL or fills rows from Java. Listed here rather than found by scanning the class path, which a packaged
 * runtime image does not offer.
 */
public final class JavaMigrations {
    private JavaMigrations() {
    }

    /** A fresh instance of every Java migration, in version order. */
    public static JavaMigration[] all() {
        return new JavaMigration[] {new V3__PrefixSearchIndexes(), new V9__InsightsCounts(),
                new V10__CoveringSearchIndexes(), new V11__EnrollmentChangeTrigger(), new V12__RosterIndexes(),
                new V13__EnrollmentChangeCount(), new V14__RosterIndexCountry(),
                new V18__SponsorReleasesWithoutReference(), new V19__RosterConversionIdsPerMember(),
                new V23__PeopleSearch(), new V25__InFlightClaims(), new V26__ChainHeadGuard()};
    }
}
