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
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.testing.RunScoped;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * The breach draft wizard and its approval in the real console against the real sandbox platform, under Xvfb, as
 * screenshots of the whole screen: {@code DISPLAY=:42 java -cp ... BreachWizardTourMain DIR SUFFIX light|dark}, with
 * the X screen as large as the window should be. One officer drafts and submits, the second opens the approval
 * dialog. Not a test.
 */
public final class BreachWizardTour extends Application {

    private static final String TITLE = "Reporting server left open";
    private static Path out;
    private static String suffix;
    private static ThemeMode theme;
    private static org.iqracity.console.platform.Platform platform;
    private ConsoleRoot console;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        suffix = args[1];
        theme = "dark".equals(args[2]) ? ThemeMode.DARK : ThemeMode.LIGHT;
        Files.createDirectories(out);
        Path data = RunScoped.folder("wizard-tour");
        platform = org.iqracity.console.platform.Platform.start(PlatformConfig.embedded(data, 0),
                StartupListener.NONE);
        launch(BreachWizardTour.class);
    }

    @Override
    public void start(Stage stage) {
        console = TourConsole.show(stage, Optional.empty(), PlatformConnector.overHttp(),
                platform.baseUri().toString(), theme);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            signIn("nb-security", "JBSWY3DPEHPK3PXP");
            fx(() -> button("#newIncident").fire());
            waitFor(() -> visible("#factsStep"));
            Thread.sleep(600);
            shoot("1-draft-facts-fresh");

            fx(() -> field("#incidentTitle").setText(TITLE));
            fx(() -> field("#whatHappened").setText("A reporting server was reachable without a password for two "
                    + "days; it held the names and email addresses of learners in two courses."));
            fx(() -> field("#contact").setText("the Northbridge privacy office, privacy@northbridge.example"));
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#scopeStep") && onFx(() -> !((ListView<?>) node("#scopeCourses")).getItems()
                    .isEmpty()));
            Thread.sleep(800);
            shoot("2-scope-nothing-chosen");
            fx(() -> button("#flowNext").fire());
            Thread.sleep(800);
            shoot("2b-scope-next-without-choice");

            fx(() -> button("#scopeByFilter").fire());
            fx(() -> button("#scopeEveryCourse").fire());
            waitFor(() -> text("#scopeReach").startsWith("This choice reaches"));
            Thread.sleep(800);
            shoot("3-scope-every-course");

            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#channelsStep"));
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#noticeStep"));
            Thread.sleep(1500);
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#submitStep"));
            Thread.sleep(800);
            shoot("4-summary");

            fx(() -> button("#submitDraft").fire());
            waitFor(() -> visible("#reviewPane"));
            Thread.sleep(1500);
            shoot("5-review-author");

            fx(() -> button("#signOut").fire());
            waitFor(() -> visible("#username"));
            signIn("nb-security2", "KRSXG5CTMVRXEZLU");
            open(TITLE);
            waitFor(() -> visible("#reviewPane") && onFx(() -> !button("#approveNotice").isDisabled()));
            Thread.sleep(1500);
            shoot("6-review-approver");
            Platform.runLater(() -> button("#approveNotice").fire());
            waitFor(() -> dialog("approveDialog") != null);
            Thread.sleep(1000);
            shoot("7-approve-dialog");
            Window dialog = dialog("approveDialog");
            fx(() -> ((ButtonBase) dialog.getScene().lookup("#approveDialogCancel")).fire());
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                Platform.exit();
                platform.close();
            });
        }
    }

    private void signIn(String username, String secret) throws InterruptedException {
        waitFor(() -> visible("#username"));
        fx(() -> field("#username").setText(username));
        fx(() -> field("#password").setText(ConsoleJourney.PASSWORD));
        fx(() -> button("#signIn").fire());
        waitFor(() -> visible("#totp"));
        fx(() -> field("#totp").setText(Totp.now(secret)));
        fx(() -> button("#verify").fire());
        waitFor(() -> visible("#nav-breach_notices"));
        fx(() -> button("#nav-breach_notices").fire());
        waitFor(() -> visible("#breachView"));
    }

    private void open(String title) throws InterruptedException {
        waitFor(() -> onFx(() -> ((ListView<?>) node("#incidentList")).getItems().stream()
                .anyMatch(s -> ((IncidentSummaryDto) s).title().equals(title))));
        fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<IncidentSummaryDto> list = (ListView<IncidentSummaryDto>) node("#incidentList");
            list.getItems().stream().filter(s -> s.title().equals(title)).findFirst()
                    .ifPresent(s -> list.getSelectionModel().select(s));
        });
    }

    private static Window dialog(String id) {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#" + id) != null).findFirst().orElse(null));
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(500);
        String file = out.resolve(name + "-" + suffix + ".png").toString();
        Process p = new ProcessBuilder("import", "-window", "root", file).inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + file);
    }

    private Node node(String id) {
        return console.stage().getScene().lookup(id);
    }

    private boolean visible(String id) {
        return Boolean.TRUE.equals(onFx(() -> {
            Node n = node(id);
            if (n == null) {
                return false;
            }
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }));
    }

    private String text(String id) {
        return onFx(() -> node(id) instanceof Labeled l && l.getText() != null ? l.getText() : "");
    }

    private TextInputControl field(String id) {
        return (TextInputControl) node(id);
    }

    private ButtonBase button(String id) {
        return (ButtonBase) node(id);
    }
}
