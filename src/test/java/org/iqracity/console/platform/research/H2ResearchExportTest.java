package org.iqracity.console.platform.research;

import org.iqracity.console.platform.PlatformFixture;

class H2ResearchExportTest extends ResearchExportContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
