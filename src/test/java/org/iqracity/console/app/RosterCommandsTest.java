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
import org.iqracity.console.platform.PlatformFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster commands as a script would run them, against the real platform. */
class RosterCommandsTest {
    static final String ENG120 = "course-v1:Northbridge+ENG120+2026_T1";

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new RosterCommands(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .run(args[0], List.of(args).subList(1, args.length));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exportVerifyAndConvertWorkFromAScript(@TempDir Path dir) throws Exception {
        String platform = PlatformFixture.h2().platform().baseUri().toString();
        Map<String, String> env = Map.of(RosterCommands.PASSWORD_ENV, "sandbox-password",
                RosterCommands.PASSPHRASE_ENV, "a long export passphrase");
        Path file = dir.resolve("eng.iqroster");
        Run export = run(env, "export", "--platform", platform, "--user", "nb-ta", "--course", ENG120, "--out",
                file.toString(), "--fields", "username,name,grade");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported").contains("rows of 1 course");
        assertThat(export.out() + export.err()).doesNotContain("sandbox-password", "a long export passphrase");
        Run unpinned = run(env, "verify", file.toString());
        assertThat(unpinned.exit()).isEqualTo(RosterCommands.UNVERIFIED);
        Run verified = run(env, "verify", file.toString(), "--platform", platform);
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("signed by the platform");
        Path csv = dir.resolve("eng.csv");
        Run convert = run(env, "convert", file.toString(), "--csv", csv.toString());
        assertThat(convert.exit()).as(convert.err()).isZero();
        assertThat(convert.err()).contains("not encrypted");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("course_id,username,name,grade");
        assertThat(lines).hasSizeGreaterThan(1);
    }

    @Test
    void wrongPassphraseAndMissingSecretsGiveClearMessagesAndExitCodes(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.iqroster");
        Files.writeString(junk, "not a roster");
        Run notRoster = run(Map.of(RosterCommands.PASSPHRASE_ENV, "whatever passphrase"), "verify", junk.toString());
        assertThat(notRoster.exit()).isEqualTo(RosterCommands.FAILED);
        assertThat(notRoster.err()).contains("not an exported roster");
        Run noSecret = run(Map.of(), "verify", junk.toString());
        assertThat(noSecret.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(noSecret.err()).contains(RosterCommands.PASSPHRASE_ENV);
        Run badUsage = run(Map.of(), "export", "--platform");
        assertThat(badUsage.exit()).isEqualTo(RosterCommands.USAGE);
    }

    @Test
    void aTrustedCaFileThatCannotBeReadIsAUsageError(@TempDir Path dir) {
        Map<String, String> env = Map.of(RosterCommands.PASSWORD_ENV, "pw", RosterCommands.PASSPHRASE_ENV,
                "a long export passphrase");
        Run r = run(env, "export", "--platform", "https://platform.example", "--user", "nb-ta", "--course", ENG120,
                "--out", dir.resolve("x.iqroster").toString(), "--trust-ca", dir.resolve("missing.pem").toString());
        assertThat(r.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(r.err()).contains("missing.pem").contains("does not exist");
    }
}
