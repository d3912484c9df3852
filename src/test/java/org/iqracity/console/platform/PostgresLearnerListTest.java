package org.iqracity.console.platform;

class PostgresLearnerListTest extends LearnerListContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
