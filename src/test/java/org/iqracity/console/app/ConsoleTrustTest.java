package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iqracity.console.client.TestCertificates;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.common.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the console's extra certificate authority comes from: the command line first, then the settings file. */
class ConsoleTrustTest {
    @TempDir
    Path dir;

    @Test
    void trustCaOnTheCommandLineIsRead() {
        ConsoleMain.ConsoleOptions opts = ConsoleMain.ConsoleOptions.parse(List.of("--trust-ca", "/etc/ca.pem"));
        assertThat(opts.trustCa()).isEqualTo(Path.of("/etc/ca.pem"));
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of("--trust-ca=ca.pem")).trustCa())
                .isEqualTo(Path.of("ca.pem"));
        assertThat(ConsoleMain.ConsoleOptions.parse(List.of()).trustCa()).isNull();
    }

    @Test
    void theCommandLineWinsOverTheSettingAndEitherAddsToTheJdkAuthorities() throws Exception {
        Path flagCa = TestCertificates.newCa("Flag CA").writePem(dir.resolve("flag.pem"));
        Path settingCa = TestCertificates.writePem(dir.resolve("setting.pem"),
                TestCertificates.newCa("Setting CA 1").certificate(),
                        TestCertificates.newCa("Setting CA 2").certificate());
        MemorySettings settings = new MemorySettings();
        settings.values.putAll(Map.of(Settings.TRUST_CA, settingCa.toString()));

        assertThat(ConsoleApp.trust(options(flagCa), settings).extraCertificates()).hasSize(1);
        assertThat(ConsoleApp.trust(options(null), settings).extraCertificates()).hasSize(2);
        assertThat(ConsoleApp.trust(options(null), new MemorySettings()).extraCertificates()).isEmpty();
    }

    @Test
    void aSettingThatNoLongerPointsAtACertificateFallsBackToTheJdkAuthorities() {
        MemorySettings settings = new MemorySettings();
        settings.values.put(Settings.TRUST_CA, dir.resolve("moved-away.pem").toString());

        assertThat(ConsoleApp.trust(options(null), settings).extraCertificates()).isEmpty();
    }

    private ConsoleMain.ConsoleOptions options(Path trustCa) {
        return new ConsoleMain.ConsoleOptions(null, dir, 0, trustCa, null);
    }
}
