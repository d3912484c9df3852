package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R5, R6, R7 at rest: V18 rewrites the releases an older version stored with each learner's sponsorship reference.
 * What stays is R7's columns, the values as released, the named learners in their order and the retired accounts
 * after them; a release V18 cannot read is left as it was without stopping the upgrade.
 */
class SponsorReleaseUpgradeTest {
    private static final int LEARNERS = 400;

    @Test
    void h2ReleasesLoseTheReferenceOnUpgrade(@TempDir Path dir) {
        try (Database db = Database.embedded(dir)) {
            upgrade(db);
        }
    }

    @Test
    void postgresReleasesLoseTheReferenceOnUpgrade() throws Exception {
        String url = TestPostgres.freshDatabase("sponsor_release_upgrade", null);
        try (Database db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            upgrade(db);
        }
    }

    private static void upgrade(Database db) {
        db.migrateTablesOnly();
        new SandboxGenerator(db, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
        db.migrateTo("17");
        Jdbc jdbc = new Jdbc(db.dataSource());
        List<String> target = jdbc.queryOne("SELECT member_id, sponsor_id, course_id FROM enrollment "
                + "WHERE sponsor_id IS NOT NULL GROUP BY member_id, sponsor_id, course_id "
                + "ORDER BY COUNT(*) DESC, sponsor_id, course_id", rs -> List.of(rs.getString(1), rs.getString(2),
                rs.getString(3))).orElseThrow();
        String member = target.get(0);
        String sponsor = target.get(1);
        String course = target.get(2);
        // the learner first on the sponsorship by name retires: an old release listed them first, without a name
        String first = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE sponsor_id = ? AND course_id = ? "
                + "ORDER BY sponsored_name, id", rs -> rs.getString(1), sponsor, course).orElseThrow();
        jdbc.update("UPDATE learner SET status = 'RETIRED' WHERE id = ?", first);
        List<List<String>> old = OldSponsorRelease.rows(jdbc, sponsor, course);
        assertThat(old).hasSizeGreaterThan(2);
        assertThat(old.getFirst().getFirst()).isEmpty();
        OldSponsorRelease.insert(jdbc, "old-release", member, sponsor, course, old, Instant.now());
        jdbc.update("INSERT INTO sponsor_release (id, member_id, sponsor_id, course_id, released_at, released_by_id, "
                + "released_by_name, idempotency_key, row_count, content) SELECT 'unreadable', member_id, sponsor_id, "
                + "course_id, released_at, released_by_id, released_by_name, 'unreadable', 0, 'not,a,release' "
                + "FROM sponsor_release WHERE id = 'old-release'");
        List<String> references = jdbc.query("SELECT sponsor_reference FROM enrollment WHERE sponsor_id = ? "
                + "AND course_id = ?", rs -> rs.getString(1), sponsor, course);
        assertThat(references).doesNotContainNull();

        db.migrate();

        String stored = jdbc.queryOne("SELECT content FROM sponsor_release WHERE id = 'old-release'",
                rs -> rs.getString(1)).orElseThrow();
        for (String reference : references) {
            assertThat(stored).as("the stored release").doesNotContain(reference);
        }
        List<List<String>> records = ReleaseSnapshot.parse(stored);
        assertThat(records.getFirst()).isEqualTo(ReleaseSnapshot.COLUMNS);
        List<List<String>> rows = records.subList(1, records.size());
        List<List<String>> named = new ArrayList<>();
        List<List<String>> retired = new ArrayList<>();
        for (List<String> r : old) {
            List<String> withoutReference = new ArrayList<>(r);
            withoutReference.remove(1);
            (r.getFirst().isEmpty() ? retired : named).add(withoutReference);
        }
        List<List<String>> expected = new ArrayList<>(named);
        expected.addAll(retired);
        assertThat(rows).as("named rows first, then the retired, each in its order").isEqualTo(expected);
        assertThat(jdbc.queryOne("SELECT content FROM sponsor_release WHERE id = 'unreadable'",
                rs -> rs.getString(1))).hasValue("not,a,release");
    }
}
