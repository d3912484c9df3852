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
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;
import org.iqracity.console.ui.learners.LearnerRow;

/**
 * Walks the real window through the main screens (docs/screenshots) and takes a screenshot of the X display at each.
 * Run under Xvfb: {@code DISPLAY=:42 java -cp ... ScreenshotTour <out-dir>}. Not a test.
 */
public final class ScreenshotTour extends Application {

    private static Path out;
    private static TourConsole.Sandbox sandbox;
    private ConsoleRoot console;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        launch(ScreenshotTour.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        sandbox = new TourConsole.Sandbox(20_000);
        console = TourConsole.show(stage, Optional.of(sandbox), PlatformConnector.overHttp(), null, ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            Thread.sleep(2500);
            shoot("startup-progress-light");
            waitFor(() -> sandbox.platform() != null && text("#address").startsWith("http://127.0.0.1"));
            fx(() -> field("#username").setText("nb-admin"));
            shoot("signin-light");
            fx(() -> field("#password").setText("wrong-password"));
            fx(() -> button("#signIn").fire());
            waitFor(() -> visible("#signInError"));
            shoot("signin-error-light");
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            shoot("signin-error-dark");
            fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
            fx(() -> field("#password").setText("sandbox-password"));
            fx(() -> button("#signIn").fire());
            waitFor(() -> table() != null && table().isVisible() && !table().getItems().isEmpty());
            Thread.sleep(500);
            fx(() -> {
                TableView<LearnerRow> t = table();
                int pick = 0;
                for (int i = 0; i < t.getItems().size(); i++) {
                    LearnerRow r = t.getItems().get(i);
                    if (!r.isMore() && r.learner().sponsored() && !r.learner().retired()) {
                        pick = i;
                        break;
                    }
                }
                t.getSelectionModel().select(pick);
                t.scrollTo(Math.max(0, pick - 3));
            });
            waitFor(() -> visible("#detailName"));
            shoot("learners-detail-light");
            // the sponsor section at the foot of the detail: who sponsors, never the sponsor's reference (R5)
            fx(() -> ((ScrollPane) console.stage().getScene().lookup("#learnerDetail").lookup(".scroll-pane"))
                    .setVvalue(1));
            shoot("learners-detail-sponsor-light");
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            shoot("learners-detail-dark");
            fx(() -> ((ButtonBase) console.stage().getScene().lookup("#nav-courses_tracking")).fire());
            shoot("placeholder-dark");
            fx(() -> ((ButtonBase) console.stage().getScene().lookup("#nav-learners")).fire());
            fx(() -> field("#search").setText("retired"));
            Thread.sleep(1500);
            shoot("learners-search-dark");
            // a retired learner (R6) who was sponsored: the sponsor only, nothing that leads back to the person
            fx(() -> {
                TableView<LearnerRow> t = table();
                for (int i = 0; i < t.getItems().size(); i++) {
                    LearnerRow r = t.getItems().get(i);
                    if (!r.isMore() && r.learner().sponsored() && r.learner().retired()) {
                        t.getSelectionModel().select(i);
                        break;
                    }
                }
            });
            Thread.sleep(1500);
            fx(() -> ((ScrollPane) console.stage().getScene().lookup("#learnerDetail")
                    .lookup(".scroll-pane")).setVvalue(1));
            shoot("learners-detail-retired-sponsored-dark");
            fx(() -> field("#search").setText(""));
            Thread.sleep(1500);
            sandbox.stop();
            fx(() -> field("#search").setText("zz"));
            waitFor(() -> text("#connectionState").contains("cannot be reached"));
            shoot("error-offline-dark");
            fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
            shoot("error-offline-light");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(1800);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                .inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
    }

    private TextInputControl field(String id) {
        return (TextInputControl) console.stage().getScene().lookup(id);
    }

    private Button button(String id) {
        return (Button) console.stage().getScene().lookup(id);
    }

    @SuppressWarnings("unchecked")
    private TableView<LearnerRow> table() {
        return (TableView<LearnerRow>) console.stage().getScene().lookup("#learnerTable");
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
