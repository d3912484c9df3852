package org.iqracity.console.ui.journeys;

import static org.iqracity.console.ui.journeys.TourFx.fx;
import static org.iqracity.console.ui.journeys.TourFx.onFx;
import static org.iqracity.console.ui.journeys.TourFx.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * Screenshots of the insights screen on the 20,000-learner sandbox, light and dark, under Xvfb:
 * {@code DISPLAY=:42 java -cp ... InsightsScreenshotTourMain docs/screenshots}. Not a test.
 */
public final class InsightsScreenshotTour extends Application {

    private static Path out;
    private static TourConsole.Sandbox sandbox;
    private ConsoleRoot console;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        launch(InsightsScreenshotTour.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        sandbox = new TourConsole.Sandbox(20_000);
        console = TourConsole.show(stage, Optional.of(sandbox), PlatformConnector.overHttp(), null, ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            // a 20,000-learner sandbox takes minutes to load on a busy machine
            for (int i = 0; i < 8 && !(sandbox.platform() != null && text("#address").startsWith("http://127.0.0.1")); i++) {
                try {
                    waitFor(() -> sandbox.platform() != null && text("#address").startsWith("http://127.0.0.1"));
                } catch (IllegalStateException stillLoading) {
                    System.out.println("sandbox still loading");
                }
            }
            fx(() -> field("#username").setText("nb-admin"));
            fx(() -> field("#password").setText("sandbox-password"));
            fx(() -> ((ButtonBase) node("#signIn")).fire());
            waitFor(() -> visible("#nav-insights"));
            fx(() -> ((ButtonBase) node("#nav-insights")).fire());
            waitFor(() -> visible("#insight-FUNNEL") && text("#insightsSummary").contains("enrolled"));
            pick("CS101");
            shoot("insights-light");
            scroll(0.55);
            shoot("insights-distributions-light");
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            scroll(0);
            shoot("insights-dark");
            scroll(1);
            shoot("insights-countries-dark");
            fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
            pick("PHYS101");
            scroll(0);
            shoot("insights-small-course-light");
        } catch (Exception e) {
            e.printStackTrace();
            try {
                shoot("tour-failed");
            } catch (Exception ignored) {
                // the tour already failed
            }
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    private void pick(String number) throws InterruptedException {
        String before = text("#insightsSummary");
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<CourseDto> picker = (ComboBox<CourseDto>) node("#insightsCoursePicker");
            picker.setValue(picker.getItems().stream().filter(c -> c.number().equals(number)).findFirst()
                    .orElseThrow());
        });
        waitFor(() -> !text("#insightsSummary").equals(before) && visible("#insight-FUNNEL"));
    }

    private void scroll(double where) throws InterruptedException {
        fx(() -> ((ScrollPane) node("#insightCards").getParent().getParent().getParent()).setVvalue(where));
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(1800);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                .inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
    }

    /** On the FX thread only. */
    private Node node(String id) {
        return console.stage().getScene().lookup(id);
    }

    private TextInputControl field(String id) {
        return (TextInputControl) console.stage().getScene().lookup(id);
    }

    private String text(String id) {
        return onFx(() -> {
            Node node = console.stage().getScene().lookup(id);
            if (node instanceof TextInputControl t) {
                return t.getText();
            }
            return node instanceof Labeled l ? l.getText() : "";
        });
    }

    private boolean visible(String id) {
        return onFx(() -> {
            Node node = console.stage().getScene().lookup(id);
            return node != null && node.isVisible();
        });
    }
}
