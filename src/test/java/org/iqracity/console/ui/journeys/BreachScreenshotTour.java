package org.iqracity.console.ui.journeys;

import static org.iqracity.console.ui.journeys.TourFx.fx;
import static org.iqracity.console.ui.journeys.TourFx.onFx;
import static org.iqracity.console.ui.journeys.TourFx.waitFor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.breach.DraftViewModel;
import org.iqracity.console.ui.common.ThemeMode;

/**
 * Screenshots of the breach notices screen against the in-memory platform ({@link FakeBreach}), under Xvfb:
 * {@code DISPLAY=:42 java -cp ... BreachScreenshotTourMain target/screenshots/breach}. Not a test.
 */
public final class BreachScreenshotTour extends Application {

    private static Path out;
    private static final FakePlatformClient PLATFORM = new FakePlatformClient(URI.create("http://127.0.0.1:8080"));
    private ConsoleRoot console;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots/breach");
        Files.createDirectories(out);
        launch(BreachScreenshotTour.class);
    }

    @Override
    public void start(Stage stage) {
        seed();
        console = TourConsole.show(stage, Optional.empty(), uri -> PLATFORM, "http://127.0.0.1:8080", ThemeMode.LIGHT);
        Thread.ofPlatform().daemon().start(this::tour);
    }

    private static void seed() {
        PLATFORM.roles = List.of(Role.SECURITY_OFFICER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        PLATFORM.courses = List.of(
                new CourseDto("course-v1:Northbridge+CS101+2026_T1", "Introduction to Computer Science", "Northbridge",
                        "CS101", "2026_T1", now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(60)), 480L, 460L,
                        true),
                new CourseDto("course-v1:Northbridge+DS200+2026_T1", "Data Structures", "Northbridge", "DS200",
                        "2026_T1", now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(60)), 210L, 200L, true),
                new CourseDto("course-v1:Northbridge+ENG120+2026_T1", "Academic Writing", "Northbridge", "ENG120",
                        "2026_T1", now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(60)), 150L, null, true));
        FakeBreach b = PLATFORM.breach;
        b.clock = now.minus(Duration.ofHours(50));
        b.seed(incident("Misaddressed grade report", now.minus(Duration.ofHours(90))), IncidentState.CANCELLED);
        b.clock = now.minus(Duration.ofHours(40));
        b.seed(incident("Laptop with an exported roster stolen", now.minus(Duration.ofHours(58))), IncidentState.SENT);
        b.clock = now.minus(Duration.ofHours(20));
        b.seed(incident("Old backup readable from the internet", now.minus(Duration.ofHours(30))),
                IncidentState.APPROVED);
        b.clock = now.minus(Duration.ofHours(2));
        b.seed(incident("Reporting server left open", now.minus(Duration.ofHours(62).plusMinutes(25))),
                IncidentState.SUBMITTED);
        b.clock = now;
        IncidentRequest phishing = incident("Course mailbox taken over by phishing", now.minus(Duration.ofHours(9)));
        b.seed(new IncidentRequest(phishing.title(), phishing.discoveredAt(), phishing.occurredFrom(),
                phishing.occurredTo(), phishing.whatHappened(), phishing.dataCategories(), phishing.systems(),
                phishing.measures(), phishing.learnerActions(), phishing.contact(), phishing.scope(), "", ""),
                IncidentState.DRAFT);
        b.actor = "Nadia Ta";
        b.sendStep = 6;
    }

    private static IncidentRequest incident(String title, Instant discovered) {
        return new IncidentRequest(title, discovered, discovered.minus(Duration.ofDays(2)),
                discovered.minus(Duration.ofHours(3)),
                "On the morning of the discovery, our IT team found that someone outside Northbridge had signed in to a"
                        + " staff mailbox used by the course team and had read messages that named learners and their"
                        + " email addresses.",
                List.of(DataCategory.NAME, DataCategory.EMAIL, DataCategory.PERFORMANCE),
                "Course team mailbox (Microsoft 365)",
                "We locked the mailbox, reset the passwords of the course team, turned on two-step sign-in for every"
                        + " staff account and reported the incident to the data protection authority.",
                "Be careful with messages that ask for your password or payment details, even when they seem to come"
                        + " from Northbridge. We will never ask for your password by email.",
                "privacy@northbridge.example, +44 20 7946 0000", BreachScope.allLearners(),
                "Important: an incident involving your information at {{member_name}}",
                "Dear {{learner_name}},\n\nWe are writing to tell you about an incident.\n\n# What happened\n...");
    }

    private void tour() {
        try {
            Thread.sleep(1500);
            fx(() -> field("#username").setText("nb-security"));
            fx(() -> field("#password").setText("sandbox-password"));
            fx(() -> button("#signIn").fire());
            waitFor(() -> visible("#nav-breach_notices"));
            fx(() -> button("#nav-breach_notices").fire());
            waitFor(() -> visible("#incidentList") && listSize() == 5);
            shoot("breach-list-light");

            open("Course mailbox taken over by phishing");
            waitFor(() -> visible("#factsStep"));
            shoot("breach-flow-facts-light");
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#scopeStep"));
            Thread.sleep(500);
            fx(() -> {
                @SuppressWarnings("unchecked")
                ListView<Object> courses = (ListView<Object>) node("#scopeCourses");
                var vmCourses = courses.getItems();
                ((DraftViewModel.CourseChoice) vmCourses.get(0)).selectedProperty()
                        .set(true);
                ((DraftViewModel.CourseChoice) vmCourses.get(2)).selectedProperty()
                        .set(true);
            });
            Thread.sleep(1500);
            shoot("breach-flow-scope-light");
            fx(() -> button("#scopeByList").fire());
            fx(() -> field("#scopeList").setText("learner_id,name\nl-10442,Ada Obi\nl-10871,Trần Minh\n"
                    + "ana.silva@example.org,Ana Silva\nstranger@other-school.example,?\n"));
            Thread.sleep(1500);
            shoot("breach-flow-scope-list-light");
            fx(() -> button("#scopeByFilter").fire());
            Thread.sleep(1200);
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#channelsStep"));
            Thread.sleep(800);
            shoot("breach-flow-channels-light");
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#noticeStep"));
            Thread.sleep(1500);
            shoot("breach-flow-notice-light");
            fx(() -> tab("#messageHtmlTab"));
            Thread.sleep(600);
            shoot("breach-flow-notice-html-light");
            fx(() -> button("#flowNext").fire());
            waitFor(() -> visible("#submitStep"));
            Thread.sleep(800);
            shoot("breach-flow-submit-light");
            fx(() -> button("#submitDraft").fire());
            waitFor(() -> visible("#reviewPane"));
            Thread.sleep(800);
            shoot("breach-approval-author-light");
            fx(() -> button("#approveNotice").fire());
            Thread.sleep(800);
            shoot("breach-approval-author-refused-light");

            open("Reporting server left open");
            waitFor(() -> visible("#reviewPane") && visible("#approveNotice"));
            Thread.sleep(800);
            shoot("breach-approval-light");
            theme(ThemeMode.DARK);
            shoot("breach-approval-dark");
            theme(ThemeMode.LIGHT);
            // Approving asks to compare the fingerprints first, in a dialog of its own.
            Platform.runLater(() -> button("#approveNotice").fire());
            waitFor(() -> dialog("approveDialog") != null);
            Thread.sleep(600);
            shoot("breach-approve-dialog-light");
            Window approve = dialog("approveDialog");
            fx(() -> ((ButtonBase) approve.getScene().lookup("#approveDialogOk")).fire());
            waitFor(() -> visible("#sendNotices"));
            Thread.sleep(800);
            shoot("breach-approved-light");
            fx(() -> button("#sendNotices").fire());
            waitFor(() -> dialog("sendDialog") != null);
            Thread.sleep(600);
            shoot("breach-send-confirm-light");
            Window confirm = dialog("sendDialog");
            fx(() -> ((ButtonBase) confirm.getScene().lookup("#sendDialogOk")).fire());
            Thread.sleep(4500);
            shoot("breach-sending-light");
            theme(ThemeMode.DARK);
            shoot("breach-sending-dark");
            theme(ThemeMode.LIGHT);
            waitFor(() -> text("#sendProgressText").startsWith("Finished"));
            Thread.sleep(800);
            shoot("breach-sent-light");
            fx(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<DeliveryStatus> status = (ComboBox<DeliveryStatus>) node("#deliveryStatusFilter");
                status.setValue(DeliveryStatus.FAILED);
            });
            Thread.sleep(1200);
            shoot("breach-deliveries-failed-light");
            fx(() -> tab("#siteTab"));
            Thread.sleep(600);
            shoot("breach-site-notice-light");
            fx(() -> tab("#timelineTab"));
            Thread.sleep(600);
            shoot("breach-timeline-light");
            theme(ThemeMode.DARK);
            open("Course mailbox taken over by phishing");
            Thread.sleep(1200);
            shoot("breach-list-dark");
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(Platform::exit);
        }
    }

    private void open(String title) throws InterruptedException {
        fx(() -> {
            @SuppressWarnings("unchecked")
            ListView<IncidentSummaryDto> list = (ListView<IncidentSummaryDto>) node("#incidentList");
            list.getItems().stream().filter(s -> s.title().equals(title)).findFirst()
                    .ifPresent(s -> list.getSelectionModel().select(s));
        });
        Thread.sleep(800);
    }

    /** Selects a tab by id: one of the incident's tabs, or the preview's HTML tab. */
    private void tab(String id) {
        Node n = node(id.equals("#messageHtmlTab") ? "#messageHtml" : "#incidentTabs");
        while (n != null && !(n instanceof TabPane)) {
            n = n.getParent();
        }
        TabPane tabs = (TabPane) n;
        tabs.getTabs().stream().filter(t -> id.equals("#" + t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private int listSize() {
        return onFx(() -> ((ListView<?>) node("#incidentList")).getItems().size());
    }

    private static Window dialog(String id) {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#" + id) != null).findFirst().orElse(null));
    }

    private void theme(ThemeMode mode) throws InterruptedException {
        fx(() -> console.state().themeProperty().set(mode));
        Thread.sleep(800);
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(900);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString())
                .inheritIO().start();
        p.waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
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
        return onFx(() -> node(id) instanceof Labeled l ? l.getText() : "");
    }

    private TextInputControl field(String id) {
        return (TextInputControl) node(id);
    }

    private ButtonBase button(String id) {
        return (ButtonBase) node(id);
    }
}
