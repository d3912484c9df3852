package org.iqracity.console.platform;

class H2LearnerListTest extends LearnerListContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
