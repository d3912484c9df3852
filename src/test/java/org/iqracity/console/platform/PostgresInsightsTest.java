package org.iqracity.console.platform;

class PostgresInsightsTest extends InsightsContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
