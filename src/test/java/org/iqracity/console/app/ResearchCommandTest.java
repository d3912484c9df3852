package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.exports.ResearchExporter;
import org.iqracity.console.platform.PlatformFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code research-export} as a script would run it, against the real platform. */
class ResearchCommandTest {
    static final Map<String, String> ENV = Map.of(RosterCommands.PASSWORD_ENV, "sandbox-password");

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ResearchCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC()).run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String platform() {
        return PlatformFixture.h2().platform().baseUri().toString();
    }

    static String lakesideCourse() {
        return PlatformFixture.h2().jdbc().queryOne("SELECT id FROM course WHERE member_id = 'lakeside' ORDER BY "
                + "enrollment_count DESC, id", rs -> rs.getString(1)).orElseThrow();
    }

    @Test
    void savesTheDatasetWithTheAskedKAndStableKeyAndReportsTheCounts(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("lakeside.zip");
        Run r = run(ENV, "--platform", platform(), "--user", "lk-admin", "--course", lakesideCourse(), "--k", "6",
                "--stable-key", "--out", zip.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        ResearchExportSummary s = ResearchExporter.summaryOf(zip);
        assertThat(s.k()).isEqualTo(6);
        assertThat(s.stableKey()).isTrue();
        assertThat(r.out()).contains("Research export of " + lakesideCourse(), "k=6, stable key",
                String.format("%,d rows of %,d learners", s.recordsExported(), s.learnersInCourse()),
                String.format("%,d suppressed", s.recordsSuppressed()), zip.toString());
        assertThat(r.out() + r.err()).doesNotContain("sandbox-password");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(zip);
        }
    }

    @Test
    void aCourseAdministratorIsRefusedAndNoFileIsLeft(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("ds200.zip");
        Run r = run(ENV, "--platform", platform(), "--user", "nb-ta", "--course",
                "course-v1:Northbridge+DS200+2026_T1", "--out", zip.toString());
        assertThat(r.exit()).isEqualTo(RosterCommands.FAILED);
        assertThat(r.err()).contains("The platform refused", "security officer or a Member administrator");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void wrongUsageExitsWithTwoAndSaysWhat(@TempDir Path dir) {
        String out = dir.resolve("x.zip").toString();
        Run lowK = run(ENV, "--platform", platform(), "--user", "lk-admin", "--course", "c", "--k", "4", "--out", out);
        assertThat(lowK.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(lowK.err()).contains("--k must be at least 5");
        Run noPassword = run(Map.of(), "--platform", platform(), "--user", "lk-admin", "--course", "c", "--out", out);
        assertThat(noPassword.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(noPassword.err()).contains(RosterCommands.PASSWORD_ENV);
        Run noOut = run(ENV, "--platform", platform(), "--user", "lk-admin", "--course", "c");
        assertThat(noOut.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(noOut.err()).contains("--out is required");
        Run help = run(ENV, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("research-export --platform URL", "--stable-key", "never", "Exit codes");
    }
}
