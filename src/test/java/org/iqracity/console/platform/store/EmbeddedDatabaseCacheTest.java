package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's page cache: large while a sandbox is loaded and indexed, small while the platform serves (see
 * {@link Database#servingCacheKib()}: a large cache made the collector pause the platform for hundreds of ms).
 */
class EmbeddedDatabaseCacheTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.embedded(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void servesWithTheSmallCache() {
        assertThat(cacheKib()).isEqualTo(Database.servingCacheKib());
        assertThat(Database.servingCacheKib()).as("serving cache, KiB").isLessThan(
                Runtime.getRuntime().maxMemory() / 4 / 1024);
    }

    @Test
    void aLoadRunsWithALargerCacheAndHandsTheSmallOneBack() {
        AtomicLong during = new AtomicLong();
        db.withLoadCache(() -> during.set(cacheKib()));

        assertThat(during.get()).isGreaterThan(Database.servingCacheKib());
        assertThat(cacheKib()).isEqualTo(Database.servingCacheKib());
    }

    @Test
    void aFailedLoadAlsoHandsTheSmallCacheBack() {
        assertThatThrownBy(() -> db.withLoadCache(() -> {
            throw new IllegalStateException("load failed");
        })).hasMessage("load failed");

        assertThat(cacheKib()).isEqualTo(Database.servingCacheKib());
    }

    private long cacheKib() {
        return new Jdbc(db.dataSource()).query(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'",
                rs -> Long.parseLong(rs.getString(1))).getFirst();
    }
}
