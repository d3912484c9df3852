package org.iqracity.console.platform;

class H2AccessLogCheckpointTest extends AccessLogCheckpointContract {
    @Override
    PlatformFixture start() {
        return PlatformFixture.startH2(200);
    }
}
