package org.iqracity.console.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.ui.accesslog.AccessLogView;
import org.iqracity.console.ui.accesslog.AccessLogViewModel;
import org.iqracity.console.ui.accesslog.ChainCheckpoints;
import org.iqracity.console.ui.breach.BreachView;
import org.iqracity.console.ui.breach.BreachViewModel;
import org.iqracity.console.ui.breach.FxBreachDialogs;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.CourseMemory;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.DesktopFileOpener;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.FxTaskRunner;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Notices;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.Settings;
import org.iqracity.console.ui.common.ThemeMode;
import org.iqracity.console.ui.common.ThemeSwitcher;
import org.iqracity.console.ui.exports.ConversionRecorder;
import org.iqracity.console.ui.exports.ExportKind;
import org.iqracity.console.ui.exports.ExportView;
import org.iqracity.console.ui.exports.ExportViewModel;
import org.iqracity.console.ui.exports.ExportsScreen;
import org.iqracity.console.ui.exports.OfflineRosterView;
import org.iqracity.console.ui.exports.OfflineRosterViewModel;
import org.iqracity.console.ui.exports.ResearchExportView;
import org.iqracity.console.ui.exports.ResearchExportViewModel;
import org.iqracity.console.ui.insights.InsightsView;
import org.iqracity.console.ui.insights.InsightsViewModel;
import org.iqracity.console.ui.learners.LearnersView;
import org.iqracity.console.ui.learners.LearnersViewModel;
import org.iqracity.console.ui.shell.ConnectionWatcher;
import org.iqracity.console.ui.shell.Destination;
import org.iqracity.console.ui.shell.ShellView;
import org.iqracity.console.ui.shell.ShellViewModel;
import org.iqracity.console.ui.shell.SignInAgainViewModel;
import org.iqracity.console.ui.signin.SandboxViewModel;
import org.iqracity.console.ui.signin.SignInView;
import org.iqracity.console.ui.signin.SignInViewModel;
import org.iqracity.console.ui.sponsors.SponsorReportsView;
import org.iqracity.console.ui.sponsors.SponsorReportsViewModel;
import org.iqracity.console.ui.tracking.FxTrackingDialogs;
import org.iqracity.console.ui.tracking.TrackingView;
import org.iqracity.console.ui.tracking.TrackingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the console's window: the one place that creates ViewModels and Views. The application supplies what lies
 * outside the UI (the sandbox platform, the settings file, the HTTP connector) through {@link Setup}.
 */
public final class ConsoleRoot implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConsoleRoot.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /** What the console needs from outside the UI. {@code address} overrides the remembered one when not null. */
    public record Setup(Optional<LocalPlatform> sandbox, Settings settings, PlatformConnector connector,
                        Messages messages, Duration searchDebounce, Duration reconnectInterval, String address,
                        PendingConversions conversions) {
    }

    private final Stage stage;
    private final Setup setup;
    private final AppState app = new AppState();
    private final FxTaskRunner tasks;
    private final ThemeSwitcher theme;
    private final StackPane root = new StackPane();
    private final SignInViewModel signIn;
    private final SandboxViewModel sandbox;
    private final WindowBounds bounds;
    /** The course chosen last on any screen, for every screen with a course picker. */
    private final CourseMemory courses;
    /** A roster export the Learners screen asked for, until the export form takes it. */
    private final ObjectProperty<ExportRequest> exportRequests =
            new SimpleObjectProperty<>();
    private final ConversionRecorder conversions;
    private ShellView shell;

    private ConsoleRoot(Stage stage, Setup setup) {
        this.stage = stage;
        this.setup = setup;
        this.tasks = new FxTaskRunner(app.jobs());
        setup.settings().get(Settings.THEME).map(ThemeMode::valueOf).ifPresent(app.themeProperty()::set);
        this.theme = new ThemeSwitcher(app);
        app.themeProperty().addListener((obs, old, mode) -> setup.settings().put(Settings.THEME, mode.name()));
        this.sandbox = new SandboxViewModel(setup.sandbox(), tasks, setup.messages());
        this.signIn = new SignInViewModel(setup.connector(), tasks, app, setup.settings(), setup.messages(), sandbox);
        if (setup.address() != null) {
            signIn.givenForThisRun(setup.address());
        }
        new ConnectionWatcher(app, tasks, setup.reconnectInterval(), HEARTBEAT);
        app.sessionProperty().addListener((obs, old, session) -> showFor(session));
        this.conversions = new ConversionRecorder(setup.conversions(), app, tasks, Clock.systemUTC());
        // Copies of rosters made while offline reach the platform's access log at the next sign-in (R14).
        app.sessionProperty().addListener((obs, old, session) -> {
            if (session != null) {
                conversions.sendWaiting(this::offlineCopiesRecorded);
            }
        });
        this.bounds = new WindowBounds(stage, setup.settings());
        this.courses = new CourseMemory(setup.settings());
        signIn.signingKeyChangedProperty().addListener((obs, old, text) -> warnKeyChanged(text));
        sandbox.addressProperty().addListener((obs, old, now) -> sandboxMoved(old, now));
    }

    /** Builds the window's content and shows it; once it is shown, the sandbox starts in the background. */
    public static ConsoleRoot show(Stage stage, Setup setup) {
        ConsoleRoot console = new ConsoleRoot(stage, setup);
        Scene scene = new Scene(console.root, 1280, 800);
        scene.getStylesheets().add(ConsoleRoot.class.getResource(Css.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(setup.messages().get("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            stage.getIcons().add(new Image(ConsoleRoot.class.getResourceAsStream(
                    "/org/iqracity/console/ui/icons/icon-" + size + ".png")));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(console::closeRequested);
        console.bounds.restore();
        console.showFor(null);
        // The sandbox's start (database, migrations, HTTP server) is work for both processor cores: it waits until the
        // window is up, so that it does not delay the window it reports its progress in.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                console.sandbox.start();
            }
        });
        stage.show();
        return console;
    }

    /** Closing the window leaves the current screen too: unsaved work is asked about first. */
    private void closeRequested(WindowEvent event) {
        if (shell != null) {
            event.consume();
            shell.leave(stage::close);
        }
    }

    private void showFor(Session session) {
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        Parent content;
        if (session == null) {
            content = new SignInView(signIn, setup.messages());
            ((SignInView) content).setOnOpenRoster(this::openOfflineRoster);
        } else {
            ShellViewModel shellVm = new ShellViewModel(app, tasks, setup.messages());
            shell = new ShellView(shellVm, app, setup.messages(), this::screen,
                    new SignInAgainViewModel(app, tasks, setup.messages()), theme.darkProperty());
            content = shell;
            showSandbox();
        }
        root.getChildren().setAll(content);
        if (offline != null) {
            content.setVisible(false);
            root.getChildren().add(offline);
        }
    }

    /** The embedded sandbox, once it serves, in the shell's status bar: its address and its mailbox folder. */
    private void showSandbox() {
        URI address = sandbox.addressProperty().get();
        Optional<Path> mailbox = setup.sandbox().flatMap(LocalPlatform::mailboxFolder);
        if (address != null && mailbox.isPresent()) {
            shell.showSandbox(sandbox.addressProperty(), mailbox.get(), folder -> tasks.run(() -> {
                Files.createDirectories(folder);
                new DesktopFileOpener().open(folder);
                return null;
            }).onFailure(e -> LOGGER.info("could not open the sandbox's mailbox folder: {}",
                    e.getClass().getSimpleName())), sandbox.stateProperty().isEqualTo(SandboxViewModel.State.READY),
                    sandbox::restart);
        }
    }

    /**
     * A restarted sandbox that had to take another address: the session's requests would go to the old one, so the
     * console returns to the sign-in screen, which offers the new address.
     */
    private void sandboxMoved(URI old, URI now) {
        Session session = app.session();
        if (old != null && now != null && !old.equals(now) && session != null) {
            LOGGER.info("the local sandbox came back at another address; signing out of the old one");
            app.signedOut();
        }
    }

    /**
     * Builds a screen of the signed-in session: the shell exists only while a session does, so each screen's
     * ViewModel gets the parts of the session's client it uses, and never a missing one.
     */
    private Node screen(Destination destination) {
        Session session = app.session();
        PlatformClient client = session.client();
        if (destination == Destination.EXPORTS) {
            return new ExportsScreen(ExportKind.allowedFor(session.me()), setup.messages(),
                    () -> new ExportView(new ExportViewModel(app, client.courses(), client.rosters(), tasks,
                            setup.messages(), Clock.systemUTC(), exportRequests), setup.messages(),
                            this::openOfflineRoster),
                    () -> new ResearchExportView(new ResearchExportViewModel(app, client.courses(), client.research(),
                            tasks, setup.messages()), setup.messages()));
        }
        if (destination == Destination.LEARNERS) {
            boolean mayExport = ExportKind.allowedFor(session.me()).contains(ExportKind.ROSTER);
            return new LearnersView(new LearnersViewModel(app, client.courses(), client.learners(), tasks,
                    setup.messages(), setup.searchDebounce(), courses), setup.messages(), setup.settings(),
                    mayExport ? this::exportFromLearners : null);
        }
        if (destination == Destination.COURSES_TRACKING) {
            return new TrackingView(new TrackingViewModel(app, client.courses(), client.tracking(), tasks,
                    setup.messages(), new FxTrackingDialogs(setup.messages(), () -> stage), courses),
                    setup.messages());
        }
        if (destination == Destination.ACCESS_LOG) {
            return new AccessLogView(new AccessLogViewModel(app, client.accessLog(), tasks, setup.messages(),
                    setup.searchDebounce(), ZoneId.systemDefault(), new ChainCheckpoints(setup.settings())),
                    setup.messages(), ZoneId.systemDefault());
        }
        if (destination == Destination.SPONSOR_REPORTS) {
            return new SponsorReportsView(new SponsorReportsViewModel(app, client.sponsors(), tasks,
                    setup.messages()), setup.messages(), ZoneId.systemDefault());
        }
        if (destination == Destination.BREACH_NOTICES) {
            return new BreachView(new BreachViewModel(app, client.breach(), client.courses(), tasks,
                    setup.messages(), new FxBreachDialogs(setup.messages(), () -> stage), new DesktopFileOpener(),
                    Clock.systemUTC(), ZoneId.systemDefault()), setup.messages());
        }
        if (destination == Destination.INSIGHTS) {
            return new InsightsView(new InsightsViewModel(app, client.courses(), client.insights(), tasks,
                    setup.messages(), courses), setup.messages(), ZoneId.systemDefault());
        }
        throw new IllegalArgumentException("no screen for " + destination);
    }

    /** The Learners screen's "Export roster": the export form, filled with its course and columns. */
    private void exportFromLearners(ExportRequest request) {
        exportRequests.set(request);
        if (shell != null) {
            shell.go(Destination.EXPORTS);
        }
    }

    public AppState state() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    /** Remembers the window, signs out quietly, stops background work and the sandbox. */
    @Override
    public void close() {
        bounds.remember();
        setup.settings().save();
        Session session = app.session();
        if (session != null) {
            try {
                session.client().signOut();
            } catch (RuntimeException e) {
                LOGGER.info("could not revoke the session on exit: {}", e.getClass().getSimpleName());
            }
        }
        if (shell != null) {
            shell.dispose();
        }
        tasks.close();
        setup.sandbox().ifPresent(LocalPlatform::stop);
    }

    private OfflineRosterView offline;

    /** Shows an exported roster over whatever is on screen (sign-in or shell), until its Close button. */
    private void openOfflineRoster() {
        if (offline != null) {
            return;
        }
        OfflineRosterViewModel vm = new OfflineRosterViewModel(tasks, setup.messages(),
                new PinnedKeys(setup.settings()), Clock.systemUTC(), conversions);
        offline = new OfflineRosterView(vm, setup.messages(), () -> {
            root.getChildren().remove(offline);
            root.getChildren().forEach(n -> n.setVisible(true));
            offline = null;
        });
        // What the roster covers is hidden, not only covered: Tab must not go on to controls nobody can see.
        root.getChildren().forEach(n -> n.setVisible(false));
        root.getChildren().add(offline);
    }

    /**
     * Opens {@code file} for offline review, asking its passphrase: what double-clicking an exported roster does.
     * A roster already on screen is closed first, unless it is still being read.
     */
    public void openOfflineRoster(Path file) {
        if (offline != null && !offline.offerFile(file)) {
            return;
        }
        openOfflineRoster();
        offline.offerFile(file);
        stage.toFront();
    }

    /** Copies made while offline that the platform has just recorded, told in a passing notification. */
    private void offlineCopiesRecorded(int recorded) {
        if (recorded > 0) {
            Notices.done(root, setup.messages().get("conversions.sent.title"),
                    setup.messages().format("conversions.sent.text", recorded));
        }
    }

    private void warnKeyChanged(String text) {
        if (text == null) {
            return;
        }
        Alert alert = new Alert(
                Alert.AlertType.WARNING, text);
        alert.setHeaderText(setup.messages().get("signin.keyChanged.title"));
        alert.initOwner(stage);
        alert.show();
    }
}
