package org.iqracity.console.platform;

class PostgresAccessRulesTest extends AccessRulesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
