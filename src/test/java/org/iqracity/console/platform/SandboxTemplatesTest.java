package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of a run's sandbox template is a fresh sandbox of its own: the same rows, and changes kept to itself. */
class SandboxTemplatesTest {
    /** A size no other test asks for, so the template is generated in this class. */
    private static final int LEARNERS = 250;
    private static final String FIRST_LEARNER = "(SELECT MIN(id) FROM learner)";

    @Test
    void aCopyHoldsWhatAFreshlyGeneratedSandboxHolds(@TempDir Path fresh, @TempDir Path copy) throws Exception {
        String generated;
        try (Platform platform = Platform.start(PlatformConfig.embedded(fresh, 0).withLearners(LEARNERS),
                StartupListener.NONE)) {
            generated = digest(platform);
        }
        try (Platform platform = Platform.start(SandboxTemplates.embedded(LEARNERS, copy), StartupListener.NONE)) {
            assertThat(digest(platform)).isEqualTo(generated);
            assertThat(jdbc(platform).queryOne("SELECT COUNT(*) FROM learner", rs -> rs.getInt(1)).orElseThrow())
                    .isEqualTo(LEARNERS);
        }
    }

    @Test
    void whatOneCopyChangesNeitherAnotherCopyNorALaterOneSees(@TempDir Path first, @TempDir Path second,
                                                               @TempDir Path later) throws Exception {
        String untouched;
        try (Platform one = Platform.start(SandboxTemplates.embedded(LEARNERS, first), StartupListener.NONE);
             Platform other = Platform.start(SandboxTemplates.embedded(LEARNERS, second), StartupListener.NONE)) {
            untouched = digest(other);
            jdbc(one).update("UPDATE learner SET username = 'changed-by-one' WHERE id = " + FIRST_LEARNER);
            jdbc(one).update("UPDATE enrollment SET grade = 0.01 WHERE learner_id <> " + FIRST_LEARNER);

            assertThat(digest(one)).isNotEqualTo(untouched);
            assertThat(digest(other)).as("the copy started beside it").isEqualTo(untouched);
        }
        try (Platform next = Platform.start(SandboxTemplates.embedded(LEARNERS, later), StartupListener.NONE)) {
            assertThat(digest(next)).as("a copy made after the change").isEqualTo(untouched);
        }
    }

    private static Jdbc jdbc(Platform platform) {
        return new Jdbc(platform.database().dataSource());
    }

    /** Every learner, enrollment and staff account, as one digest. */
    private static String digest(Platform platform) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Jdbc jdbc = jdbc(platform);
        for (String row : jdbc.query("SELECT id, username, status FROM learner ORDER BY id",
                rs -> rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getString(3))) {
            sha.update((row + '\n').getBytes(StandardCharsets.UTF_8));
        }
        for (String row : jdbc.query("SELECT course_id, learner_id, grade FROM enrollment ORDER BY course_id, "
                + "learner_id", rs -> rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getDouble(3))) {
            sha.update((row + '\n').getBytes(StandardCharsets.UTF_8));
        }
        // staff e-mail addresses are sealed with a fresh nonce at every start: the names and Members are compared
        for (String row : jdbc.query("SELECT username, member_id FROM staff ORDER BY username, member_id",
                rs -> rs.getString(1) + '|' + rs.getString(2))) {
            sha.update((row + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
