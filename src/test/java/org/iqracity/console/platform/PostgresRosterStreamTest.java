package org.iqracity.console.platform;

class PostgresRosterStreamTest extends RosterStreamContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
