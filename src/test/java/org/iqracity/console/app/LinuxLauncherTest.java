package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image starts through packaging/linux/member-console-launcher.sh instead of jpackage's native
 * launcher. It is run here for real, in an image laid out as jpackage lays it out (folder names with spaces, the
 * runtime's java a link to this JDK's), with a probe class as the main class that prints what it was given.
 */
@EnabledOnOs(OS.LINUX)
class LinuxLauncherTest {
    private static final Path SCRIPT = Path.of("packaging/linux/member-console-launcher.sh");

    @TempDir
    Path temp;
    private Path image;

    @BeforeEach
    void image() throws IOException {
        image = temp.resolve("Member Console image");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path runtimeBin = Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.createSymbolicLink(runtimeBin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Path classes = image.resolve("lib/app/probe classes");
        String probe = LauncherProbe.class.getName().replace('.', '/') + ".class";
        Path target = Files.createDirectories(classes.resolve(probe).getParent()).resolve(classes.resolve(probe)
                .getFileName());
        Files.copy(Path.of("target/test-classes", probe), target);
        Files.copy(SCRIPT, bin.resolve("member-console"), StandardCopyOption.COPY_ATTRIBUTES);
        bin.resolve("member-console").toFile().setExecutable(true);
    }

    private void config(String... lines) throws IOException {
        Files.writeString(image.resolve("lib/app/member-console.cfg"), String.join("\n", lines) + "\n");
    }

    private static final String[] STANDARD = {"[Application]", "app.classpath=$APPDIR/probe classes",
        "app.classpath=$APPDIR/absent.jar", "app.mainclass=" + LauncherProbe.class.getName(), "", "[JavaOptions]",
        "java-options=-Dprobe.app=$APPDIR", "java-options=-Dprobe.option=two words"};

    @Test
    void startsTheImagesRuntimeWithTheConfiguredClassPathOptionsAndTheCommandLineUntouched() throws Exception {
        config(STANDARD);

        Run run = run(image.resolve("bin/member-console"), "--data-dir", "/tmp/a folder/with spaces", "",
                "$APPDIR", "*");

        assertThat(run.exit).as(run.output).isZero();
        Path app = image.resolve("lib/app").toRealPath();
        assertThat(run.output.lines()).contains(
                "arg=--data-dir", "arg=/tmp/a folder/with spaces", "arg=", "arg=$APPDIR", "arg=*",
                "probe.app=" + app, "probe.option=two words",
                "app-path=" + image.resolve("bin/member-console").toRealPath(),
                "class.path=" + app.resolve("probe classes") + ":" + app.resolve("absent.jar"));
    }

    @Test
    void findsItsImageWhenStartedThroughALinkAsAMenuEntryOrPathLinkWould() throws Exception {
        config(STANDARD);
        Path link = Files.createSymbolicLink(temp.resolve("member-console"), image.resolve("bin/member-console"));

        Run run = run(link, "x");

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output.lines()).contains("arg=x", "probe.app=" + image.resolve("lib/app").toRealPath());
    }

    @Test
    void theConfiguredDefaultArgumentsApplyOnlyWhenTheCommandLineHasNone() throws Exception {
        config(String.join("\n", STANDARD), "[ArgOptions]", "arguments=--from-config");

        assertThat(run(image.resolve("bin/member-console")).output.lines()).contains("arg=--from-config");
        assertThat(run(image.resolve("bin/member-console"), "--given").output.lines())
                .contains("arg=--given").doesNotContain("arg=--from-config");
    }

    @Test
    void aBrokenInstallationSaysSoInOneLineAndExitsWithAFailure() throws Exception {
        config("[Application]", "app.classpath=$APPDIR/probe classes");

        Run noMain = run(image.resolve("bin/member-console"));
        assertThat(noMain.exit).isEqualTo(1);
        assertThat(noMain.output.strip()).contains("names no main class").contains("reinstall").doesNotContain("\n");

        Files.delete(image.resolve("lib/runtime/bin/java"));
        Run noJava = run(image.resolve("bin/member-console"));
        assertThat(noJava.exit).isEqualTo(1);
        assertThat(noJava.output.strip()).contains("incomplete").doesNotContain("\n");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
