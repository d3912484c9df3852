package org.iqracity.console.platform.research;

import org.iqracity.console.platform.PlatformFixture;

class H2ResearchJoinTest extends ResearchJoinContract {
    @Override
    PlatformFixture start() {
        return PlatformFixture.startH2(PlatformFixture.LEARNERS);
    }
}
