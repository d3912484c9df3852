package org.iqracity.console.platform.research;

import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.TestPostgres;

class PostgresResearchJoinTest extends ResearchJoinContract {
    @Override
    PlatformFixture start() throws Exception {
        return PlatformFixture.startPostgres(TestPostgres.freshDatabase("research_joins", null),
                PlatformFixture.LEARNERS);
    }
}
