package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Chart;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.client.SessionExpiredException;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.roster.TestRosters;
import org.iqracity.console.ui.common.ThemeMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen of every sandbox role fits the window at the sizes people use (1024x700, 1280x800, 1366x768): no
 * button, heading, tab, wizard step, filter label, count or column header shows its text cut short, and no button
 * lies outside the window; the same for an exported roster reviewed offline. Data cells may be cut (they show their
 * whole value as a tooltip); what names an action or a place may not.
 */
class ScreensFitJourneyTest extends ConsoleJourney {
    private static final double[][] SIZES = {{1024, 700}, {1280, 800}, {1366, 768}};
    /** With -Djourney.shots=DIR, every screen and its main states are also shot and checked in the dark theme. */
    private static final boolean SHOTS = System.getProperty("journey.shots") != null;
    private static final List<ThemeMode> THEMES = SHOTS ? List.of(ThemeMode.LIGHT, ThemeMode.DARK)
            : List.of(ThemeMode.LIGHT);
    private static final String ROSTER_PASSPHRASE = "quiet river lantern 42";
    /** Style classes of headings. */
    private static final Set<String> HEADINGS = Set.of("screen-title", "page-title", "page-subtitle", "section-title",
            "section-card-title", "column-title", "state-title", "insight-card-title", "app-header-title");

    @TempDir
    Path rosters;

    @BeforeEach
    void open() throws Exception {
        openConsole(PlatformFixture.h2().platform().baseUri().toString());
    }

    @AfterEach
    void close() throws Exception {
        closeConsole();
    }

    @Test
    void theSignInScreenFitsEverySize() {
        List<String> cut = new ArrayList<>();
        for (ThemeMode theme : THEMES) {
            theme(theme);
            for (double[] size : SIZES) {
                resize(size);
                cut.addAll(problems(label(size, theme, "sign-in")));
                shot(name("sign-in", size, theme));
            }
        }
        assertThat(cut).as("cut or outside the window").isEmpty();
    }

    @Test
    void everyScreenOfAMemberAdministratorFitsEverySize() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        assertThat(visitEveryScreen("nb-admin")).as("cut or outside the window").isEmpty();
    }

    @Test
    void everyScreenOfASecurityOfficerFitsEverySize() {
        signIn("nb-security", PASSWORD);
        waitUntil(() -> shows("#totp"));
        // The shared platform's clock is its own: the code is the one for its time.
        fill("#totp", Totp.at("JBSWY3DPEHPK3PXP", PlatformFixture.h2().clock().instant()));
        clickOn("#verify");
        waitUntil(() -> shows("#nav-breach_notices"));
        assertThat(visitEveryScreen("nb-security")).as("cut or outside the window").isEmpty();
    }

    @Test
    void theOfflineReviewFitsEverySize() throws Exception {
        Path file = TestRosters.writeEveryField(rosters.resolve("review.iqroster"), ROSTER_PASSPHRASE.toCharArray(),
                Instant.now().plus(Duration.ofDays(30)), "course-v1:Northbridge+CS101+2026_T1", 2_000);
        waitUntil(() -> shows("#openRosterFromSignIn"));
        clickOn("#openRosterFromSignIn");
        waitUntil(() -> shows("#rosterFile"));
        fill("#rosterFile", file.toString());
        fill("#rosterPassphrase", ROSTER_PASSPHRASE);
        clickOn("#openRoster");
        waitUntil(() -> shows("#offlineTable") && !find("#offlineTotal", Labeled.class).getText().isEmpty());
        List<String> cut = new ArrayList<>();
        for (ThemeMode theme : THEMES) {
            theme(theme);
            for (double[] size : SIZES) {
                resize(size);
                cut.addAll(problems(label(size, theme, "offline review")));
                shot(name("offline-review", size, theme));
                TableView<?> table = find("#offlineTable", TableView.class);
                interact(() -> table.scrollToColumnIndex(11));
                shot(name("offline-review-values", size, theme));
                interact(() -> table.scrollToColumnIndex(0));
            }
        }
        cut.forEach(System.out::println);
        assertThat(cut).as("cut or outside the window").isEmpty();
    }

    @Test
    void theShortcutSheetFitsEverySize() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        List<String> cut = new ArrayList<>();
        for (ThemeMode theme : THEMES) {
            theme(theme);
            for (double[] size : SIZES) {
                resize(size);
                push(KeyCode.F1);
                waitUntil(() -> shows("#shortcutSheet"));
                settle();
                cut.addAll(problems(label(size, theme, "shortcut sheet")));
                cut.addAll(outside(label(size, theme, "shortcut sheet"), "#shortcutCard"));
                shot(name("shortcut-sheet", size, theme));
                push(KeyCode.ESCAPE);
                waitUntil(() -> !shows("#shortcutSheet"));
            }
        }
        assertThat(cut).as("cut or outside the window").isEmpty();
    }

    @Test
    void atTheNarrowestSizeTheSidebarShowsItsIconsEachNamedAndWidensAgainWithTheWindow() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        List<ToggleButton> items = onFx(() -> lookup(".nav-item").queryAllAs(ToggleButton.class).stream().toList());
        assertThat(items).hasSize(5);

        resize(SIZES[0]);
        assertThat(onFx(() -> lookup(".nav").query().getBoundsInParent().getWidth())).isLessThan(70);
        for (ToggleButton item : items) {
            assertThat(onFx(item::getContentDisplay)).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
            assertThat(onFx(() -> item.getTooltip().getText())).startsWith(item.getText()).contains("Ctrl+");
            assertThat(onFx(item::getAccessibleText)).isEqualTo(item.getText());
        }
        shot("fit-1024-sidebar-icons");

        resize(SIZES[1]);
        assertThat(onFx(() -> lookup(".nav").query().getBoundsInParent().getWidth())).isGreaterThan(200);
        for (ToggleButton item : items) {
            assertThat(onFx(item::getContentDisplay)).isEqualTo(ContentDisplay.LEFT);
        }
    }

    /** The node, whole, inside the window; or what sticks out. */
    private List<String> outside(String where, String query) {
        return onFx(() -> {
            Node node = lookup(query).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            Scene scene = console.stage().getScene();
            return b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1 ? List.of(where + ": " + query + " lies outside the window")
                    : List.of();
        });
    }

    /** Each size, each screen in the sidebar: what is cut or outside, named by size, role and screen. */
    private List<String> visitEveryScreen(String role) {
        List<String> nav = onFx(() -> lookup(".nav-item").queryAll().stream().filter(Node::isVisible)
                .map(Node::getId).toList());
        assertThat(nav).isNotEmpty();
        Set<String> cut = new LinkedHashSet<>();
        for (ThemeMode theme : THEMES) {
            theme(theme);
            for (double[] size : SIZES) {
                resize(size);
                for (String item : nav) {
                    clickOn("#" + item);
                    settle();
                    String screen = role + "-" + item.substring("nav-".length());
                    String where = label(size, theme, screen);
                    cut.addAll(problems(where));
                    // With -Djourney.shots=DIR, each screen at each size, to be looked at.
                    shot(name(screen, size, theme));
                    if (goDeeper(item)) {
                        settle();
                        cut.addAll(problems(where + " (opened)"));
                        shot(name(screen + "-opened", size, theme));
                    }
                    if (SHOTS) {
                        cut.addAll(lookCloser(item, screen, size, theme));
                    }
                }
            }
        }
        cut.forEach(System.out::println);
        return List.copyOf(cut);
    }

    /**
     * What a screen shows only once something is opened in it: a sponsor report's table, the breach wizard's steps, a
     * learner's detail. False when the screen has nothing further.
     */
    private boolean goDeeper(String item) {
        switch (item) {
            case "nav-sponsor_reports" -> {
                TreeView<?> tree = find("#sponsorTree", TreeView.class);
                waitUntil(() -> tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
                interact(() -> selectFirstLeaf(tree));
                waitUntil(() -> shows("#sponsorReportTable"));
                return true;
            }
            case "nav-breach_notices" -> {
                clickOn("#newIncident");
                waitUntil(() -> shows("#draftFlow"));
                return true;
            }
            case "nav-learners" -> {
                TableView<?> table = find("#learnerTable", TableView.class);
                waitUntil(() -> !table.getItems().isEmpty());
                interact(() -> table.getSelectionModel().select(0));
                waitUntil(() -> shows("#detailName"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static <T> void selectFirstLeaf(TreeView<T> tree) {
        TreeItem<T> item = tree.getRoot();
        while (!item.getChildren().isEmpty()) {
            item.setExpanded(true);
            item = item.getChildren().getFirst();
        }
        tree.getSelectionModel().select(item);
    }

    /**
     * The states a screen shows on the way (the breach wizard's steps and tabs, the column chooser, the course list,
     * the longest course title on a picker, the sign-in-again overlay, an access log entry, the release dialog, the
     * research export, the tracking history, the charts further down), shot and checked; only when shots are taken,
     * to keep the suite's time.
     */
    private List<String> lookCloser(String item, String screen, double[] size, ThemeMode theme) {
        List<String> cut = new ArrayList<>();
        switch (item) {
            case "nav-breach_notices" -> {
                interact(() -> {
                    find("#incidentTitle", TextInputControl.class).setText("Reporting server left open");
                    find("#whatHappened", TextInputControl.class).setText("A reporting server was reachable without"
                            + " a password for two days; it held the names and email addresses of learners.");
                    find("#contact", TextInputControl.class).setText("privacy@northbridge.example");
                });
                for (String step : List.of("facts", "scope", "channels", "notice", "submit")) {
                    if (!"facts".equals(step)) {
                        clickOn("#flowNext");
                    }
                    waitUntil(() -> shows("#" + step + "Step"));
                    if ("scope".equals(step)) {
                        clickOn("#scopeByFilter");
                        clickOn("#scopeEveryCourse");
                    }
                    settle();
                    cut.addAll(problems(label(size, theme, screen + " step " + step)));
                    shot(name(screen + "-step-" + step, size, theme));
                }
                cut.addAll(tabs(screen, size, theme, "#siteTab", "#timelineTab", "#noticeTab"));
            }
            case "nav-exports" -> {
                if (present("#tab-research")) {
                    cut.addAll(tabs(screen, size, theme, "#tab-research"));
                    chooseLongestCourse("#researchCourse");
                    settle();
                    shot(name(screen + "-tab-research-course", size, theme));
                    clickOn("#tab-rosters");
                }
            }
            case "nav-courses_tracking" -> cut.addAll(tabs(screen, size, theme, "#historyTab", "#settingsTab"));
            case "nav-insights" -> {
                chooseLongestCourse("#insightsCoursePicker");
                settle();
                cut.addAll(problems(label(size, theme, screen + " longest course")));
                shot(name(screen + "-longest-course", size, theme));
                interact(() -> lookup("#insightsView .scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
                settle();
                shot(name(screen + "-scrolled", size, theme));
            }
            case "nav-learners" -> {
                chooseLongestCourse("#coursePicker");
                settle();
                cut.addAll(problems(label(size, theme, screen + " longest course")));
                shot(name(screen + "-longest-course", size, theme));
                clickOn("#columnChooser");
                settle();
                shotWithPopups(name(screen + "-column-chooser", size, theme));
                push(KeyCode.ESCAPE);
                clickOn("#coursePicker");
                settle();
                shotWithPopups(name(screen + "-course-list", size, theme));
                push(KeyCode.ESCAPE);
                interact(() -> console.state().report(new SessionExpiredException("ended", null)));
                settle();
                cut.addAll(problems(label(size, theme, screen + " sign in again")));
                shot(name(screen + "-sign-in-again", size, theme));
                interact(() -> console.state().signedInAgain());
            }
            case "nav-access_log" -> {
                TableView<?> table = find("#accessLogTable", TableView.class);
                waitUntil(() -> !table.getItems().isEmpty());
                interact(() -> {
                    table.requestFocus();
                    table.getSelectionModel().select(0);
                });
                type(KeyCode.ENTER);
                waitUntil(() -> shows("#accessLogEntryDetails"));
                settle();
                cut.addAll(problems(label(size, theme, screen + " entry")));
                shotWithPopups(name(screen + "-entry", size, theme));
                type(KeyCode.ESCAPE);
                waitUntil(() -> !present("#accessLogEntryDetails"));
            }
            case "nav-sponsor_reports" -> {
                if (shows("#releaseReport") && !find("#releaseReport", ButtonBase.class).isDisabled()) {
                    clickOn("#releaseReport");
                    waitUntil(() -> present("#confirmRelease"));
                    settle();
                    shotWithPopups(name(screen + "-release-dialog", size, theme));
                    type(KeyCode.ESCAPE);
                }
            }
            default -> {
            }
        }
        return cut;
    }

    /** Each tab in turn, checked and shot; the last one named stays open. */
    private List<String> tabs(String screen, double[] size, ThemeMode theme, String... tabs) {
        List<String> cut = new ArrayList<>();
        for (String tab : tabs) {
            clickOn(tab);
            settle();
            cut.addAll(problems(label(size, theme, screen + " " + tab)));
            shot(name(screen + "-" + tab.substring(1), size, theme));
        }
        return cut;
    }

    /** The course with the longest title and run, in the picker. */
    private void chooseLongestCourse(String picker) {
        interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<CourseDto> box = lookup(picker).queryAs(ComboBox.class);
            box.getItems().stream().max(Comparator.comparingInt(c -> c.title().length()
                    + (c.run() == null ? 0 : c.run().length())))
                    .ifPresent(box::setValue);
        });
    }

    private static String label(double[] size, ThemeMode theme, String where) {
        return String.format(Locale.ROOT, "%.0fx%.0f %s%s", size[0], size[1], where,
                theme == ThemeMode.DARK ? " (dark)" : "");
    }

    private static String name(String what, double[] size, ThemeMode theme) {
        return String.format(Locale.ROOT, "%s-%.0f-%s", what, size[0], theme.name().toLowerCase(Locale.ROOT));
    }

    /** Without shots the console keeps the theme it starts in, and the journey spends no time switching. */
    private void theme(ThemeMode theme) {
        if (!SHOTS) {
            return;
        }
        interact(() -> console.state().themeProperty().set(theme));
        settle();
    }

    private void resize(double[] size) {
        interact(() -> {
            Stage stage = console.stage();
            stage.setMaximized(false);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        settle();
    }

    /** Loading, layout and the debounced work of a screen just opened. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> problems(String where) {
        return onFx(() -> {
            Parent root = console.stage().getScene().getRoot();
            double width = console.stage().getScene().getWidth();
            double height = console.stage().getScene().getHeight();
            List<String> found = new ArrayList<>();
            walk(root, node -> {
                String unnamed = unnamed(node);
                if (unnamed != null) {
                    found.add(where + ": " + unnamed);
                }
                if (!(node instanceof Labeled labeled) || !shown(labeled)) {
                    return;
                }
                String kind = kind(labeled);
                if (kind == null) {
                    return;
                }
                String text = labeled.getText();
                String drawn = drawnText(labeled);
                if (text != null && !text.isBlank() && drawn != null && !drawn.equals(text)) {
                    found.add(where + ": " + kind + " \"" + text + "\" shows \"" + drawn + "\"");
                }
                if (labeled instanceof ButtonBase && !insideScrolling(labeled)) {
                    Bounds b = labeled.localToScene(labeled.getLayoutBounds());
                    if (b.getMaxX() > width + 1 || b.getMaxY() > height + 1 || b.getMinX() < -1) {
                        found.add(where + ": " + kind + " \"" + text + "\" (" + labeled.getId()
                                + ") lies outside the window");
                    }
                }
            });
            return found;
        });
    }

    /**
     * A control a screen reader could only call "button" or "chart": an icon-only button or a chart without accessible
     * text; null for anything named.
     */
    private static String unnamed(Node node) {
        if (!shown(node) || node.getAccessibleText() != null && !node.getAccessibleText().isBlank()) {
            return null;
        }
        if (node instanceof ButtonBase button && (button.getText() == null || button.getText().isBlank())
                && !within(node, "table-cell") && !within(node, "list-cell") && !within(node, "combo-box-base")
                && !within(node, "spinner") && !within(node, "scroll-bar")) {
            return "icon-only button " + describe(node) + " has no accessible text";
        }
        if (node instanceof Chart) {
            return "chart " + describe(node) + " has no accessible text";
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder(node.getId() == null ? node.getClass().getSimpleName()
                : "#" + node.getId());
        for (Node n = node.getParent(); n != null && path.length() < 160; n = n.getParent()) {
            if (n.getId() != null) {
                path.append(" in #").append(n.getId());
                break;
            }
        }
        return path.toString();
    }

    /** What the label draws: its text node's text, which ends in the ellipsis when the text did not fit. */
    private static String drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // The skin's own text node; an icon drawn from a font is a Text too, but not this one.
            if (child instanceof Text t && "LabeledText".equals(child.getClass().getSimpleName())) {
                return t.getText();
            }
        }
        return null;
    }

    /** What kind of name this is, or null for data (a table or list cell) and anything else not checked. */
    private static String kind(Labeled labeled) {
        if (within(labeled, "table-cell") || within(labeled, "list-cell") || within(labeled, "tooltip")
                || within(labeled, "frozen-cell") || within(labeled, "tree-table-cell")) {
            return null;
        }
        if (within(labeled, "column-header")) {
            return "column header";
        }
        if (within(labeled, "tab")) {
            return "tab";
        }
        if (within(labeled, "breach-step")) {
            return "wizard step";
        }
        if (labeled instanceof ButtonBase) {
            return "button";
        }
        if (labeled.getStyleClass().contains("total")) {
            return "count";
        }
        if (labeled.getStyleClass().stream().anyMatch(HEADINGS::contains)) {
            return "heading";
        }
        if (within(labeled, "filter-bar") || within(labeled, "filter-area")) {
            return "filter label";
        }
        return null;
    }

    private static boolean within(Node node, String styleClass) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideScrolling(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane || n.getStyleClass().contains("virtual-flow")) {
                return true;
            }
        }
        return false;
    }

    /** Visible all the way up, and laid out with some width. */
    private static boolean shown(Node node) {
        if (node.getLayoutBounds().getWidth() <= 0) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void walk(Node node, Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
