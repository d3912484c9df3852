package org.iqracity.console.platform;

class PostgresTrackingRulesTest extends TrackingRulesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
