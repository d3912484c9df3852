package org.iqracity.console.ui.journeys;

import static org.iqracity.console.ui.journeys.TourFx.fx;
import static org.iqracity.console.ui.journeys.TourFx.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.testing.RunScoped;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * Screenshots of the exports screen and the offline review, light and dark, under Xvfb:
 * {@code DISPLAY=:42 java -cp ... ExportsScreenshotTour$Main docs/screenshots}. Not a test.
 */
public final class ExportsScreenshotTour extends Application {

    private static Path out;
    private static org.iqracity.console.platform.Platform platform;
    private ConsoleRoot console;

    /** Plain entry point: a main class extending Application cannot start from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
            launch(ExportsScreenshotTour.class);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        platform = org.iqracity.console.platform.Platform.start(
                PlatformConfig.embedded(RunScoped.folder("tour"), 0).withLearners(20_000), StartupListener.NONE);
        console = TourConsole.show(stage, Optional.empty(), PlatformConnector.overHttp(),
                platform.baseUri().toString(), ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            Path file = RunScoped.folder("export").resolve("cs101.iqroster");
            Thread.sleep(1500);
            fx(() -> field("#username").setText("nb-admin"));
            fx(() -> field("#password").setText("sandbox-password"));
            fx(() -> button("#signIn").fire());
            waitFor("#nav-exports");
            fx(() -> button("#nav-exports").fire());
            waitFor("#course-0");
            fx(() -> {
                button("#course-0").fire();
                field("#exportPassphrase").setText("quiet river lantern 42");
                field("#exportPassphraseAgain").setText("quiet river lantern 42");
                field("#exportTarget").setText(file.toString());
            });
            shoot("exports-form-light");
            theme(ThemeMode.DARK);
            shoot("exports-form-dark");
            fx(() -> button("#runExport").fire());
            Thread.sleep(600);
            shoot("exports-progress-dark");
            waitForVisible("#exportDone");
            shoot("exports-done-dark");
            theme(ThemeMode.LIGHT);
            shoot("exports-done-light");
            fx(() -> button("#signOut").fire());
            waitFor("#openRosterFromSignIn");
            fx(() -> button("#openRosterFromSignIn").fire());
            waitFor("#rosterFile");
            fx(() -> {
                field("#rosterFile").setText(file.toString());
                field("#rosterPassphrase").setText("wrong passphrase");
                button("#openRoster").fire();
            });
            waitForVisible("#offlineError");
            shoot("offline-wrong-passphrase-light");
            fx(() -> {
                field("#rosterKeyFile").setText(file.toString());
                field("#rosterPassphrase").setText("a key passphrase");
                button("#openRoster").fire();
            });
            Thread.sleep(800);
            shoot("offline-not-a-key-light");
            fx(() -> {
                field("#rosterKeyFile").setText("");
                field("#rosterPassphrase").setText("quiet river lantern 42");
                button("#openRoster").fire();
            });
            waitFor(() -> !text("#offlineTotal").isEmpty());
            shoot("offline-review-light");
            theme(ThemeMode.DARK);
            shoot("offline-review-dark");
            fx(() -> field("#offlineSearch").setText("ma"));
            Thread.sleep(800);
            shoot("offline-search-dark");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            platform.close();
            Platform.runLater(Platform::exit);
        }
    }

    private void theme(ThemeMode mode) throws InterruptedException {
        fx(() -> console.state().themeProperty().set(mode));
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(1200);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                .inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
    }

    private Node node(String id) {
        return console.stage().getScene().lookup(id);
    }

    private TextInputControl field(String id) {
        return (TextInputControl) node(id);
    }

    private ButtonBase button(String id) {
        return (ButtonBase) node(id);
    }

    private String text(String id) {
        String[] result = {""};
        try {
            fx(() -> result[0] = node(id) instanceof Labeled l ? l.getText() : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result[0];
    }

    private void waitFor(String id) throws InterruptedException {
        waitFor(() -> {
            boolean[] found = {false};
            try {
                fx(() -> found[0] = node(id) != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return found[0];
        });
    }

    private void waitForVisible(String id) throws InterruptedException {
        waitFor(() -> {
            boolean[] found = {false};
            try {
                fx(() -> found[0] = node(id) != null && node(id).isVisible());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return found[0];
        });
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

}
