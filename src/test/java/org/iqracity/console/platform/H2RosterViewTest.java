package org.iqracity.console.platform;

class H2RosterViewTest extends RosterViewContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
