package org.iqracity.console.platform;

class H2TrackingRulesTest extends TrackingRulesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
