package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line a person types: help says what there is, a mistyped word is said in one line and opens nothing,
 * and a machine without a graphical session (a server, ssh) says which commands work there instead of a stack trace.
 */
class LauncherTest {
    static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");

    @Test
    void aWordThatIsNeitherCommandNorFileOpensNothing() {
        assertThat(Launcher.refusal(List.of("exprot"), DESKTOP)).startsWith("'exprot' is neither a command nor a file");
        assertThat(Launcher.refusal(List.of("--plattform", "x"), DESKTOP)).startsWith("Unknown option: --plattform");
        assertThat(Launcher.refusal(List.of("--data-dir=/tmp/x", "--nope=1"), DESKTOP))
                .startsWith("Unknown option: --nope.");
    }

    @Test
    void theConsolesOwnOptionsAndAnExistingRosterOpenTheWindow(@TempDir Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("cs101.iqroster"), "x");
        assertThat(Launcher.refusal(List.of(), DESKTOP)).isNull();
        assertThat(Launcher.refusal(List.of("--platform", "https://platform.example", "--data-dir", "some dir"),
                DESKTOP)).as("option values are not files").isNull();
        assertThat(Launcher.refusal(List.of(roster.toString()), DESKTOP)).isNull();
        assertThat(Launcher.refusal(List.of(roster.toUri().toString()), DESKTOP)).isNull();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutAGraphicalSessionItSaysWhichCommandsWork() {
        String said = Launcher.refusal(List.of(), Map.of());
        assertThat(said).startsWith("Member Console needs a graphical session").contains("platform, export, verify")
                .doesNotContain("\n");
        assertThat(Launcher.refusal(List.of(), Map.of("WAYLAND_DISPLAY", "wayland-0"))).isNull();
    }

    record Run(int exit, String out, String err) {
    }

    static Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void helpListsEveryCommandAndExitsWithoutAWindow() throws Exception {
        Run help = launch(Map.of(), "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("platform", "export", "verify", "convert", "research-export", "self-test",
                "--platform", "--data-dir", "--trust-ca");
        assertThat(launch(Map.of(), "-h").out()).isEqualTo(help.out());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onAServerTheConsoleSaysSoInOneSentenceWithoutAStackTrace() throws Exception {
        Run run = launch(Map.of());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("Member Console needs a graphical session").doesNotContain("\n")
                .doesNotContain("Exception");
        Run typo = launch(Map.of("DISPLAY", ":0"), "exprot");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).doesNotContain("Exception");
    }
}
