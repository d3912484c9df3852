package org.iqracity.console.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.FileSettings;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.UncaughtFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: the composition root that hands the embedded platform and the folders to the UI. */
public final class ConsoleApp extends Application {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConsoleApp.class);

    /** Set by {@link ConsoleMain} before launch: JavaFX creates this class itself, without arguments. */
    static volatile ConsoleMain.ConsoleOptions options;

    private ConsoleRoot console;

    @Override
    public void start(Stage stage) {
        ConsoleMain.ConsoleOptions opts = options != null ? options : ConsoleMain.ConsoleOptions.parse(getParameters().getRaw());
        LOGGER.info("Member Console starting, data in {}", opts.dataDir());
        Optional<LocalPlatform> sandbox = opts.sandbox()
                ? Optional.of(EmbeddedLocalPlatform.inFolder(opts.dataDir().resolve("platform"), opts.sandboxLearners()))
                : Optional.empty();
        ConsoleRoot.Setup setup = new ConsoleRoot.Setup(sandbox,
                FileSettings.load(opts.dataDir().resolve("console.properties")), PlatformConnector.overHttp(),
                new Messages(Locale.getDefault()), Duration.ofMillis(200), Duration.ofSeconds(3),
                opts.platformAddress());
        UncaughtFailures.install(setup.messages());
        console = ConsoleRoot.show(stage, setup);
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }
}
