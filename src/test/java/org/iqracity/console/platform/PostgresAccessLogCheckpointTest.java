package org.iqracity.console.platform;

class PostgresAccessLogCheckpointTest extends AccessLogCheckpointContract {
    @Override
    PlatformFixture start() {
        try {
            return PlatformFixture.startPostgres(TestPostgres.freshDatabase("checkpoints", null), 200);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
