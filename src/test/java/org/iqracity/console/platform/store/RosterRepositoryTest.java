package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.platform.PlatformFixture;
import org.junit.jupiter.api.Test;

/** The roster's batches on the embedded database: every enrollment once, in order, each batch one index range. */
class RosterRepositoryTest {
    private static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    private final Jdbc jdbc = PlatformFixture.h2().jdbc();

    @Test
    void batchesWalkTheCourseInUsernameOrderWithoutGapsOrRepeats() {
        RosterRepository repository = new RosterRepository(jdbc, false);
        List<Long> walked = new ArrayList<>();
        String afterKey = null;
        long afterId = 0;
        while (true) {
            List<RosterRepository.RosterRow> batch = repository.batch("northbridge", DS200, afterKey, afterId, 7);
            batch.forEach(r -> walked.add(r.enrollmentId()));
            if (batch.size() < 7) {
                break;
            }
            afterKey = batch.getLast().usernameKey();
            afterId = batch.getLast().enrollmentId();
        }
        List<Long> expected = jdbc.query("SELECT id FROM enrollment WHERE member_id = 'northbridge' AND course_id = ? "
                + "ORDER BY username_key, id", rs -> rs.getLong(1), DS200);
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void onH2EachBatchReadsTheRosterIndexInOrderInsteadOfSortingTheRestOfTheCourse() {
        // A plan that sorts reads everything after the keyset for every batch: quadratic in the course's size.
        for (boolean keyset : new boolean[] {false, true}) {
            Object[] params = keyset ? new Object[] {"northbridge", DS200, "m", "m", 0L, 2000}
                    : new Object[] {"northbridge", DS200, 2000};
            String plan = jdbc.queryOne("EXPLAIN " + RosterRepository.batchSql(false, keyset), rs -> rs.getString(1),
                    params).orElseThrow();
            assertThat(plan).as("plan, keyset " + keyset).contains("ENROLLMENT_ROSTER", "LEARNER_ROSTER")
                    .contains("index sorted");
        }
    }

    @Test
    void onH2TheRosterIndexesCarryEveryColumnABatchReadsSoNoTableRowIsRead() {
        // A column added to the batch but not to its index brings back a look-up of the wide row for every learner.
        String sql = RosterRepository.batchSql(false, true);
        for (String[] alias : new String[][] {{"e", "ENROLLMENT_ROSTER"}, {"l", "LEARNER_ROSTER"}}) {
            List<String> read = new ArrayList<>();
            Matcher m = Pattern.compile("\\b" + alias[0] + "\\.(\\w+)").matcher(sql);
            while (m.find()) {
                read.add(m.group(1).toUpperCase(Locale.ROOT));
            }
            List<String> carried = jdbc.query("SELECT column_name FROM information_schema.index_columns "
                    + "WHERE index_name = ?", rs -> rs.getString(1), alias[1]);
            assertThat(read).as(alias[1]).hasSizeGreaterThan(alias[0].equals("e") ? 15 : 8);
            assertThat(carried).as(alias[1]).containsAll(read);
        }
    }
}
