package org.iqracity.console.ui.journeys;

import static org.iqracity.console.ui.journeys.TourFx.fx;
import static org.iqracity.console.ui.journeys.TourFx.onFx;
import static org.iqracity.console.ui.journeys.TourFx.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;
import org.iqracity.console.ui.tracking.TechnologyDraft;

/**
 * Screenshots of Courses & tracking: the editor, validation at the fields, the merge question, the history and
 * the unsaved-changes question, light and dark. Run under Xvfb like {@link ScreenshotTour}. Not a test.
 */
public final class TrackingScreenshotTour extends Application {

    private static Path out;
    private static TourConsole.Sandbox sandbox;
    private ConsoleRoot console;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        launch(TrackingScreenshotTour.class);
    }

    /** Plain entry point: a main class extending Application cannot start from the class path. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            TrackingScreenshotTour.main(args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        sandbox = new TourConsole.Sandbox(5_000);
        console = TourConsole.show(stage, Optional.of(sandbox), PlatformConnector.overHttp(), null, ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            waitFor(() -> sandbox.platform() != null && lookup("#username") != null);
            Thread.sleep(1000);
            fx(() -> text("#username", "nb-admin"));
            fx(() -> text("#password", "sandbox-password"));
            fx(() -> fire("#signIn"));
            waitFor(() -> lookup("#nav-courses_tracking") != null);
            fx(() -> fire("#nav-courses_tracking"));
            waitFor(() -> table() != null && table().isVisible() && table().getItems().size() > 3);
            waitFor(() -> lookup("#coverage-0") != null);
            fx(() -> table().getSelectionModel().select(1));
            shootBoth("tracking-editor");

            fx(() -> fire("#addTechnology"));
            fx(() -> {
                TechnologyDraft added = table().getItems().getLast();
                added.nameProperty().set("Survey widget");
                added.partyProperty().set(TrackingParty.THIRD_PARTY);
                added.optOutUrlProperty().set("http://surveys.example/opt-out");
            });
            fx(() -> fire("#trackingSave"));
            shootBoth("tracking-validation");
            fx(() -> fire("#trackingDiscard"));

            PlatformClient other = PlatformConnector.overHttp().connect(sandbox.platform().baseUri());
            other.signIn("nb-admin", "sandbox-password", null);
            String courseId = ((CourseDto) ((ListView<?>) lookup("#trackingCourses"))
                    .getSelectionModel().getSelectedItem()).id();
            // the other administrator removes one technology (merged without a question) and changes the retention
            // this person changes too (asked about, with both values)
            String edited = table().getItems().get(1).nameProperty().get();
            Versioned<TrackingSettingsDto> now = other.tracking().current(courseId);
            List<TrackingTechnologyDto> theirs = now.value().technologies().stream()
                    .filter(t -> !t.name().contains("click"))
                    .map(t -> !t.name().equals(edited) ? t : new TrackingTechnologyDto(t.id(), t.name(), t.kind(),
                            t.party(), t.provider(), t.category(), t.purpose(), t.sets(), "25 months", t.runsOn(),
                            t.optOutUrl(), t.necessityJustification(), null)).toList();
            other.tracking().save(courseId, now.etag(), new TrackingSettingsRequest(
                    now.value().honourGlobalPrivacyControl(), now.value().categories(), theirs));
            fx(() -> table().getItems().get(1).retentionProperty().set("26 months"));
            Platform.runLater(() -> fire("#trackingSave"));
            waitFor(() -> lookup("#conflictDialog") != null);
            shoot("tracking-conflict-light");
            fx(() -> fire("#conflictCancel"));
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            Platform.runLater(() -> fire("#trackingSave"));
            waitFor(() -> lookup("#conflictDialog") != null);
            shoot("tracking-conflict-dark");
            fx(() -> fire("#conflictMerge"));
            fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
            shoot("tracking-merged-light");
            fx(() -> fire("#trackingSave"));

            fx(() -> {
                TabPane tabs = (TabPane) lookup("#trackingTabs");
                Tab history = tabs.getTabs().get(1);
                tabs.getSelectionModel().select(history);
            });
            waitFor(() -> ((ListView<?>) lookup("#historyList")).getItems().size() >= 2);
            fx(() -> ((ListView<?>) lookup("#historyList")).getSelectionModel().selectLast());
            shootBoth("tracking-history");

            fx(() -> ((TabPane) lookup("#trackingTabs")).getSelectionModel().select(0));
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            fx(() -> table().getItems().get(0).retentionProperty().set("Until sign-out"));
            Platform.runLater(() -> fire("#nav-learners"));
            waitFor(() -> lookup("#leaveCancel") != null);
            shoot("tracking-leave-dark");
            fx(() -> fire("#leaveCancel"));
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    private void shootBoth(String name) throws Exception {
        shoot(name + "-light");
        fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
        shoot(name + "-dark");
        fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(900);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                .inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
    }

    @SuppressWarnings("unchecked")
    private TableView<TechnologyDraft> table() {
        return (TableView<TechnologyDraft>) lookup("#technologyTable");
    }

    /** In any open window: the console's and its dialogs. Call on the FX thread or accept a racy read. */
    private static Node lookup(String id) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w.getScene() != null && w.isShowing()) {
                Node n = w.getScene().lookup(id);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static void fire(String id) {
        ((ButtonBase) lookup(id)).fire();
    }

    private static void text(String id, String value) {
        ((TextInputControl) lookup(id)).setText(value);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!onFx(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static boolean onFx(BooleanSupplier condition) throws InterruptedException {
        boolean[] result = new boolean[1];
        fx(() -> {
            try {
                result[0] = condition.getAsBoolean();
            } catch (RuntimeException e) {
                result[0] = false;
            }
        });
        return result[0];
    }

}
