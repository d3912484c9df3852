package org.iqracity.console.platform;

class PostgresRosterViewTest extends RosterViewContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
