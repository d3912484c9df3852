package org.iqracity.console.platform.breach;

import org.iqracity.console.platform.PlatformFixture;

class H2BreachNoticesTest extends BreachNoticesContract {
    @Override
    PlatformFixture fixture() {
        return PlatformFixture.h2();
    }
}
