package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDataDirTest {

    @Test
    void linuxFollowsXdgDataHomeElseLocalShare() {
        assertThat(AppDataDir.resolve("Linux", "/home/ana", Map.of("XDG_DATA_HOME", "/data/ana")))
                .isEqualTo(Path.of("/data/ana/member-console"));
        assertThat(AppDataDir.resolve("Linux", "/home/ana", Map.of()))
                .isEqualTo(Path.of("/home/ana/.local/share/member-console"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppDataDir.resolve("Mac OS X", "/Users/ana", Map.of()))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/Member Console"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(AppDataDir.resolve("Windows 11", "C:/Users/ana", Map.of("APPDATA", "C:/Users/ana/AppData/Roaming")))
                .isEqualTo(Path.of("C:/Users/ana/AppData/Roaming", "Member Console"));
    }

    @Test
    void platformOptionPointsAtAnotherPlatformWithoutASandbox() {
        ConsoleMain.ConsoleOptions options = ConsoleMain.ConsoleOptions.parse(
                List.of("--platform", "https://members.example.org", "--data-dir=/tmp/mc"));

        assertThat(options.platformAddress()).isEqualTo("https://members.example.org");
        assertThat(options.sandbox()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/mc"));
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of()).sandbox()).isTrue();
    }

    @Test
    void aFileOnTheCommandLineIsTheRosterToOpenWhateverOptionsSurroundIt() {
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of("--data-dir", "/tmp/mc", "/home/ana/May roster.iqroster"))
                .rosterFile()).isEqualTo(Path.of("/home/ana/May roster.iqroster"));
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of("file:///home/ana/May%20roster.iqroster")).rosterFile())
                .isEqualTo(Path.of("/home/ana/May roster.iqroster"));
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of("--platform", "https://p.example", "--trust-ca", "ca.pem"))
                .rosterFile()).isNull();
    }
}
