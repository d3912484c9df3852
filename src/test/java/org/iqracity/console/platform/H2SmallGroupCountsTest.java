package org.iqracity.console.platform;

class H2SmallGroupCountsTest extends SmallGroupCountsContract {
    @Override
    PlatformFixture start() {
        return PlatformFixture.startH2(300);
    }
}
