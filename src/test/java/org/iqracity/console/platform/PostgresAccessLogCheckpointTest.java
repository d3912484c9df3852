package org.iqracity.console.platform;

import java.sql.SQLException;

class PostgresAccessLogCheckpointTest extends AccessLogCheckpointContract {
    @Override
    PlatformFixture start() {
        try {
            return PlatformFixture.startPostgres(TestPostgres.freshDatabase("checkpoints", null), 200);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
