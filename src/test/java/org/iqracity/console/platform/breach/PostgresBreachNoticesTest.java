package org.iqracity.console.platform.breach;

import org.iqracity.console.platform.PlatformFixture;

class PostgresBreachNoticesTest extends BreachNoticesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.postgres();
    }
}
