package org.iqracity.console.ui.journeys;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.testing.RunScoped;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.ProgressSink;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * The console window of a screenshot tour, and the sandbox it starts. What a tour writes besides its screenshots (the
 * sandbox, the queue of copy reports) lives in temporary folders deleted when the tour's JVM exits.
 */
final class TourConsole {
    private TourConsole() {
    }

    /**
     * The console in {@code theme}, at the screen's top left, as large as the X screen (run the tours on a 1280x800
     * screen: the size of the pictures in docs/screenshots).
     */
    static ConsoleRoot show(Stage stage, Optional<LocalPlatform> local, PlatformConnector connector, String address,
                            ThemeMode theme) {
        MemorySettings settings = new MemorySettings();
        settings.put("theme", theme.name());
        ConsoleRoot console = ConsoleRoot.show(stage, new ConsoleRoot.Setup(local, settings, connector,
                Messages.english(), Duration.ofMillis(200), Duration.ofSeconds(2), address, conversionQueue()));
        stage.setX(0);
        stage.setY(0);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        return console;
    }

    /** An empty queue of copy reports, in a folder deleted at exit. */
    static PendingConversions conversionQueue() {
        return new PendingConversions(RunScoped.folder("mc-conversions"));
    }

    /** A sandbox platform the console starts as the app starts its own, in a folder deleted at exit. */
    static final class Sandbox implements LocalPlatform {
        private final int learners;
        private final Path data = RunScoped.folder("tour");
        private volatile Platform platform;

        Sandbox(int learners) {
            this.learners = learners;
        }

        /** The running platform, or null before the console started it. */
        Platform platform() {
            return platform;
        }

        @Override
        public URI start(ProgressSink progress) {
            platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(learners), progress::progress);
            return platform.baseUri();
        }

        @Override
        public void stop() {
            Platform running = platform;
            platform = null;
            if (running != null) {
                running.close();
            }
        }
    }
}
