package org.iqracity.console.ui.journeys;

import static org.iqracity.console.ui.journeys.TourFx.fx;
import static org.iqracity.console.ui.journeys.TourFx.onFx;
import static org.iqracity.console.ui.journeys.TourFx.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * Screenshots of the access log and sponsor reports screens, light and dark, under Xvfb:
 * {@code DISPLAY=:42 java -cp ... ReportsScreenshotTourMain docs/screenshots}. Not a test.
 */
public final class ReportsScreenshotTour extends Application {

    private static Path out;
    private static TourConsole.Sandbox sandbox;
    private ConsoleRoot console;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        launch(ReportsScreenshotTour.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        sandbox = new TourConsole.Sandbox(5_000);
        console = TourConsole.show(stage, Optional.of(sandbox), PlatformConnector.overHttp(), null, ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private void tour() {
        try {
            waitFor(() -> sandbox.platform() != null && text("#address").startsWith("http://127.0.0.1"));
            // Some activity to read in the log: a failed sign-in first.
            signIn("nb-security", "wrong-password");
            waitFor(() -> visible("#signInError"));
            signIn("nb-security", "sandbox-password");
            waitFor(() -> visible("#totp"));
            for (int i = 0; i < 10 && !visible("#nav-access_log"); i++) {
                Thread.sleep(1000);
                fx(() -> field("#totp").setText(Totp.now("JBSWY3DPEHPK3PXP")));
                fx(() -> ((ButtonBase) node("#verify")).fire());
                Thread.sleep(2000);
            }
            waitFor(() -> visible("#nav-access_log"));
            fx(() -> ((ButtonBase) node("#nav-access_log")).fire());
            waitFor(() -> visible("#accessLogTable")
                    && !((TableView<?>) lookup("#accessLogTable")).getItems().isEmpty());
            fx(() -> ((ButtonBase) node("#verifyChain")).fire());
            waitFor(() -> visible("#verdict"));
            shoot("accesslog-light");
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            shoot("accesslog-dark");
            @SuppressWarnings("unchecked")
            ComboBox<String> action = (ComboBox<String>) lookup("#actionFilter");
            fx(() -> action.setValue("SIGN_IN"));
            Thread.sleep(1500);
            shoot("accesslog-filtered-dark");
            fx(() -> console.state().themeProperty().set(ThemeMode.LIGHT));
            shoot("accesslog-filtered-light");
            fx(() -> ((ButtonBase) node("#signOut")).fire());

            waitFor(() -> visible("#username"));
            signIn("nb-admin", "sandbox-password");
            waitFor(() -> visible("#nav-sponsor_reports"));
            fx(() -> ((ButtonBase) node("#nav-sponsor_reports")).fire());
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = (TreeView<Object>) lookup("#sponsorTree");
            waitFor(() -> tree != null && visible("#sponsorTree") && !tree.getRoot().getChildren().isEmpty());
            shoot("sponsors-none-light");
            fx(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().getFirst().getChildren().getFirst()));
            waitFor(() -> visible("#sponsorReportTable") && lookup("#sponsorReportTable").getParent().isVisible());
            shoot("sponsors-report-light");
            // the largest course of a sponsor, scrolled to its end: retired accounts (R6) come last, without a name
            fx(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().stream()
                    .flatMap(s -> s.getChildren().stream())
                    .max(Comparator.comparingLong(c -> ((SponsorSummaryDto
                            .CourseCount) c.getValue()).learners())).orElseThrow()));
            waitFor(() -> ((TableView<?>) lookup("#sponsorReportTable")).getItems().size() > 20);
            fx(() -> {
                TableView<?> report = (TableView<?>) node("#sponsorReportTable");
                report.scrollTo(report.getItems().size() - 1);
            });
            shoot("sponsors-report-retired-light");
            fx(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().getFirst().getChildren()
                    .getFirst()));
            waitFor(() -> ((TableView<?>) lookup("#sponsorReportTable")).getItems().size() < 20);
            fx(() -> ((MenuButton) node("#exportCurrent")).show());
            shoot("sponsors-export-menu-light");
            fx(() -> ((MenuButton) node("#exportCurrent")).hide());
            fx(() -> ((ButtonBase) node("#releaseReport")).fire());
            Thread.sleep(800);
            shoot("sponsors-confirm-light");
            fx(() -> {
                for (Window w : List.copyOf(Window.getWindows())) {
                    Node ok = w.getScene().lookup("#confirmRelease");
                    if (ok instanceof ButtonBase b) {
                        b.fire();
                    }
                }
            });
            waitFor(() -> visible("#sponsorNotice"));
            shoot("sponsors-released-light");
            fx(() -> console.state().themeProperty().set(ThemeMode.DARK));
            shoot("sponsors-released-dark");
            fx(() -> ((ButtonBase) node("#releaseReport")).fire());
            Thread.sleep(800);
            shoot("sponsors-confirm-dark");
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

    private void signIn(String username, String password) throws InterruptedException {
        fx(() -> field("#username").setText(username));
        fx(() -> field("#password").setText(password));
        fx(() -> ((ButtonBase) node("#signIn")).fire());
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

    private Node lookup(String id) {
        return onFx(() -> console.stage().getScene().lookup(id));
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
