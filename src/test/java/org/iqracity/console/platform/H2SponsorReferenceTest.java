package org.iqracity.console.platform;

class H2SponsorReferenceTest extends SponsorReferenceContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
