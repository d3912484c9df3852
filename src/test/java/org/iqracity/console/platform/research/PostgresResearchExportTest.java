package org.iqracity.console.platform.research;

import org.iqracity.console.platform.PlatformFixture;

class PostgresResearchExportTest extends ResearchExportContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
