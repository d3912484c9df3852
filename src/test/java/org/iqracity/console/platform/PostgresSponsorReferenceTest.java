package org.iqracity.console.platform;

class PostgresSponsorReferenceTest extends SponsorReferenceContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
