package org.iqracity.console.platform;

class H2RosterStreamTest extends RosterStreamContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
