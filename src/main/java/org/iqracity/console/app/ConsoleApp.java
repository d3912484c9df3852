package org.iqracity.console.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.client.PlatformTrust;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.FileSettings;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Settings;
import org.iqracity.console.ui.common.UncaughtFailures;
import org.slf4j.Logger;

/** The JavaFX application: the composition root that hands the embedded platform and the folders to the UI. */
public final class ConsoleApp extends Application {

    private static final Logger LOGGER = ConsoleMain.logger(ConsoleApp.class);

    private ConsoleRoot console;

    @Override
    public void start(Stage stage) {
        ConsoleMain.ConsoleOptions opts = ConsoleMain.launchOptions != null ? ConsoleMain.launchOptions
                : ConsoleMain.ConsoleOptions.parse(getParameters().getRaw());
        LOGGER.info("Member Console {} starting, data in {}", Launcher.version(), opts.dataDir());
        Optional<LocalPlatform> sandbox = opts.sandbox()
                ? Optional.of(EmbeddedLocalPlatform
                        .inFolder(opts.dataDir().resolve("platform"), opts.sandboxLearners()))
                : Optional.empty();
        FileSettings settings = FileSettings.load(opts.dataDir().resolve("console.properties"));
        // The HTTPS client (the JDK's certificate store, TLS) is built once the window is up, so that its start does
        // not compete with the window's for the processor; signing in waits for it.
        CompletableFuture<PlatformConnector> http = new CompletableFuture<>();
        PlatformConnector connector = baseUri -> http.join().connect(baseUri);
        ConsoleRoot.Setup setup = new ConsoleRoot.Setup(sandbox, settings, connector,
                new Messages(Locale.getDefault()), Duration.ofMillis(200), Duration.ofSeconds(3),
                opts.platformAddress(), new PendingConversions(opts.dataDir()
                        .resolve(RosterCommands.PENDING_CONVERSIONS)));
        UncaughtFailures.install(setup.messages());
        // The cold-start figure in docs/performance.md: from the process's start (launcher included) to the first
        // window. CPU time beside it: on a busy machine the wall time says more about the neighbours than about the
        // console.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> ProcessHandle.current().info().startInstant()
                .ifPresent(start -> LOGGER.info("Sign-in window shown {} ms after process start ({} ms CPU)",
                        Duration.between(start, Instant.now()).toMillis(), ProcessHandle.current().info()
                                .totalCpuDuration().map(Duration::toMillis).orElse(-1L))));
        AtomicBoolean httpStarted = new AtomicBoolean();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            if (httpStarted.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    try {
                        http.complete(PlatformConnector.overHttp(trust(opts, settings)));
                    } catch (RuntimeException | Error e) {
                        http.completeExceptionally(e);
                    }
                });
            }
        });
        console = ConsoleRoot.show(stage, setup);
        if (opts.rosterFile() != null) {
            console.openOfflineRoster(opts.rosterFile());
        }
        SingleInstance instance = ConsoleMain.instance;
        if (instance != null) {
            // Another start (a double-clicked roster) hands its file over instead of opening a second window.
            instance.onRequest(file -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.toFront();
                file.ifPresent(console::openOfflineRoster);
            }));
        }
    }

    /**
     * The command line's {@code --trust-ca} or else the {@value Settings#TRUST_CA} setting. A setting that no
     * longer points at a usable file is reported and left out: the JDK's authorities still apply, and a platform
     * that needed the CA answers with the untrusted-certificate explanation.
     */
    static PlatformTrust trust(ConsoleMain.ConsoleOptions opts, Settings settings) {
        String setting = settings.get(Settings.TRUST_CA).filter(s -> !s.isBlank()).orElse(null);
        if (opts.trustCa() == null && setting == null) {
            return PlatformTrust.jdkDefaults();
        }
        try {
            Path file = opts.trustCa() != null ? opts.trustCa() : Path.of(setting);
            PlatformTrust trust = PlatformTrust.withCa(file);
            LOGGER.info("Trusting {} certificate authorities from {} besides the JDK's",
                    trust.extraCertificates().size(), file);
            return trust;
        } catch (IllegalArgumentException e) {
            LOGGER.warn("{} Only the JDK's certificate authorities are trusted.", e.getMessage());
            return PlatformTrust.jdkDefaults();
        }
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
        if (ConsoleMain.instance != null) {
            ConsoleMain.instance.close();
        }
    }
}
