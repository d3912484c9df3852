package org.iqracity.console.platform;

class PostgresSmallGroupCountsTest extends SmallGroupCountsContract {
    @Override
    PlatformFixture start() throws Exception {
        return PlatformFixture.startPostgres(TestPostgres.freshDatabase("small_group_counts", null), 300);
    }
}
