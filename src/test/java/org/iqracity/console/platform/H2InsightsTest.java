package org.iqracity.console.platform;

class H2InsightsTest extends InsightsContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
