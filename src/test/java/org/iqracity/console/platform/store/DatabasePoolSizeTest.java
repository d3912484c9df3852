package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Several nodes share one PostgreSQL's connections: each node's pool is set, and a setting that is no size is said. */
class DatabasePoolSizeTest {
    @Test
    void aNodeTakesTwentyFourConnectionsUnlessToldOtherwise() {
        assertThat(Database.poolSize(null)).isEqualTo(24);
        assertThat(Database.poolSize(" ")).isEqualTo(24);
        assertThat(Database.poolSize("10")).isEqualTo(10);
        assertThat(Database.poolSize(" 2 ")).isEqualTo(2);
    }

    @Test
    void aPoolSizeOutOfRangeOrNoNumberStopsTheStartWithTheReason() {
        for (String bad : new String[] {"1", "201", "ten", "-5"}) {
            assertThatThrownBy(() -> Database.poolSize(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PLATFORM_DB_POOL");
        }
    }
}
