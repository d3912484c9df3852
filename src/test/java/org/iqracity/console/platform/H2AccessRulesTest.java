package org.iqracity.console.platform;

class H2AccessRulesTest extends AccessRulesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
