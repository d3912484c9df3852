package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.testing.TempFolders;
import org.iqracity.console.ui.common.Css;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen with the keyboard only, as a person who does not use a mouse: each screen is reached with its Ctrl and
 * digit, Tab goes round the whole window (header and sidebar included) and leaves every control, lands on nothing
 * hidden, and every control it reaches draws its focus; then the screen's main job is done with keys alone.
 */
class KeyboardJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(300);
    /** More stops than any screen has: a round that does not come back by then is a trap. */
    private static final int MOST_STOPS = 120;

    /** Controls whose focus was already seen drawn (the header and sidebar are met on every screen). */
    private final Map<Node, Boolean> checked = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Path folder;

    @AfterEach
    void deleteFolder() {
        TempFolders.delete(folder);
    }

    @Test
    void aMemberAdministratorUsesEveryScreenWithTheKeyboardOnly() throws Exception {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));

        try {
            learners();
            tracking();
            sponsorReports();
            exportsAndOfflineReview();
            insights();
        } catch (AssertionError | RuntimeException stopped) {
            throw new AssertionError("stopped; found before: " + problems, stopped);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aSecurityOfficerUsesEveryScreenWithTheKeyboardOnly() {
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-breach_notices");

        try {
            accessLog();
            breachNotices();
        } catch (AssertionError | RuntimeException stopped) {
            throw new AssertionError("stopped; found before: " + problems, stopped);
        }
        assertThat(problems).isEmpty();
    }

    // The screens' main jobs.

    private void learners() {
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        TableView<?> table = find("#learnerTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        tabRoundTheWindow("Learners");

        push(KeyCode.CONTROL, KeyCode.F);
        String before = text("#total");
        typeInFocused("b");
        waitUntil(() -> !before.equals(text("#total")));
        tabUntil("#learnerTable");
        push(KeyCode.DOWN);
        push(KeyCode.ENTER);
        waitUntil(() -> shows("#detailName") && !text("#detailName").isBlank());

        String name = text("#detailName");
        push(KeyCode.ESCAPE);
        assertThat(find("#search", TextInputControl.class).getText()).as("the first Escape clears the search")
                .isEmpty();
        assertThat(shows("#detailName") && name.equals(text("#detailName"))).as("the detail stays open").isTrue();
        push(KeyCode.ESCAPE);
        if (!becomes(() -> table.getSelectionModel().isEmpty(), 200)) {
            throw new AssertionError("the second Escape left the row selected; focus on " + describe(focusOwner())
                    + ", rows selected " + onFx(() -> table.getSelectionModel().getSelectedIndices()));
        }
    }

    private void tracking() {
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> shows("#techRetention") && !text("#trackingVersion").isBlank());
        tabRoundTheWindow("Courses & tracking");

        tabUntil("#trackingCourses");
        String first = text("#trackingTitle");
        push(KeyCode.DOWN);
        waitUntil(() -> !first.equals(text("#trackingTitle")) && shows("#techRetention")
                && !text("#trackingVersion").isBlank());
        String version = text("#trackingVersion");
        tabUntil("#techRetention");
        push(KeyCode.CONTROL, KeyCode.A);
        typeInFocused("25 months");
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !version.equals(text("#trackingVersion")));
    }

    private void sponsorReports() {
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        TreeView<?> tree = find("#sponsorTree", TreeView.class);
        waitUntil(() -> tree.isVisible() && tree.getRoot() != null && !tree.getRoot().getChildren().isEmpty());
        tabRoundTheWindow("Sponsor reports");

        tabUntil("#sponsorTree");
        push(KeyCode.DOWN);
        push(KeyCode.RIGHT);
        push(KeyCode.DOWN);
        waitUntil(() -> shows("#reportHeading") && !text("#reportHeading").isBlank());
    }

    private void exportsAndOfflineReview() {
        push(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(() -> shows("#course-0"));
        tabRoundTheWindow("Exports");

        folder = TempFolders.create("keys-export");
        Path file = folder.resolve("course.iqroster");
        tabUntil("#course-0");
        push(KeyCode.SPACE);
        tabUntil("#exportPassphrase");
        typeInFocused(ExportsJourneyTest.PASSPHRASE);
        tabUntil("#exportPassphraseAgain");
        typeInFocused(ExportsJourneyTest.PASSPHRASE);
        tabUntil("#exportTarget");
        typeInFocused(file.toString());
        tabUntil("#runExport");
        push(KeyCode.SPACE);
        waitUntil(() -> shows("#exportDone"));

        tabUntil("#openRosterFromShell");
        push(KeyCode.SPACE);
        waitUntil(() -> shows("#rosterFile"));
        tabUntil("#rosterFile");
        typeInFocused(file.toString());
        tabUntil("#rosterPassphrase");
        typeInFocused(ExportsJourneyTest.PASSPHRASE);
        push(KeyCode.ENTER);
        TableView<?> table = find("#offlineTable", TableView.class);
        waitFor(() -> shows("#offlineTable") && !table.getItems().isEmpty(), () -> "the roster does not open: "
                + says("#offlineRosterView") + " " + find("#rosterFile", TextInputControl.class).getText());
        tabRoundTheWindow("Offline review", false);
        tabUntil("#offlineSearch");
        int all = onFx(() -> table.getItems().size());
        typeInFocused("b");
        waitUntil(() -> table.getItems().size() < all);
        tabUntil("#offlineTable");
        push(KeyCode.DOWN);
        waitUntil(() -> !table.getSelectionModel().isEmpty());
        // Escape clears the search first (all rows again, the row kept), then the row
        push(KeyCode.ESCAPE);
        waitFor(() -> table.getItems().size() == all, () -> "Escape did not clear the search; focus on "
                + onFx(() -> String.valueOf(console.stage().getScene().getFocusOwner())));
        assertThat(onFx(() -> table.getSelectionModel().isEmpty())).isFalse();
        push(KeyCode.ESCAPE);
        waitFor(() -> table.getSelectionModel().isEmpty(), () -> "Escape did not clear the row; focus on "
                + onFx(() -> String.valueOf(console.stage().getScene().getFocusOwner())));
        tabUntil("#closeOffline");
        push(KeyCode.SPACE);
        waitUntil(() -> !present("#offlineRosterView"));
    }

    private void insights() {
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitUntil(() -> shows("#insightCards") && !text("#insightsSummary").isBlank());
        tabRoundTheWindow("Insights");

        ComboBox<?> picker = find("#insightsCoursePicker", ComboBox.class);
        Object course = onFx(picker::getValue);
        String summary = text("#insightsSummary");
        tabUntil("#insightsCoursePicker");
        push(KeyCode.DOWN);
        push(KeyCode.DOWN);
        push(KeyCode.ENTER);
        waitFor(() -> picker.getValue() != course && !picker.isShowing() && !summary.equals(text("#insightsSummary"))
                && !text("#insightsSummary").isBlank(), () -> "the course picker holds " + picker.getValue()
                + (picker.isShowing() ? ", open" : "") + "; the summary says " + text("#insightsSummary"));
    }

    private void breachNotices() {
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitUntil(() -> shows("#newIncident"));
        tabRoundTheWindow("Breach notices");

        tabUntil("#newIncident");
        push(KeyCode.SPACE);
        waitUntil(() -> shows("#flowNext"));
        tabRoundTheWindow("Breach wizard");
        String first = currentStep();
        tabUntil("#incidentTitle");
        typeInFocused("Laptop left on a train");
        tabUntil("#flowNext");
        push(KeyCode.SPACE);
        waitFor(() -> !first.equals(currentStep()), () -> "Next left the wizard on " + currentStep() + "; it says "
                + says("#draftFlow"));
        tabUntil("#flowBack");
        push(KeyCode.SPACE);
        waitUntil(() -> first.equals(currentStep()));
    }

    private void accessLog() {
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil(() -> present("#accessLogTable"));
        TableView<?> table = find("#accessLogTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        tabRoundTheWindow("Access log");

        tabUntil("#actorFilter");
        String total = text("#accessLogTotal");
        typeInFocused(OFFICER);
        waitFor(() -> !total.equals(text("#accessLogTotal")) && table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> OFFICER.equals(((AccessLogEntryDto) e).actor())),
                () -> "the access log filtered by the officer: " + total + " then " + text("#accessLogTotal") + ", "
                        + table.getItems().stream().map(e -> ((AccessLogEntryDto) e).actor()).distinct().toList());
        tabUntil("#accessLogTable");
        push(KeyCode.DOWN);
        push(KeyCode.ENTER);
        waitUntil(this::detailsShown);
        push(KeyCode.ESCAPE);
        waitUntil(() -> !detailsShown());
        push(KeyCode.ESCAPE);
        waitUntil(() -> find("#actorFilter", TextInputControl.class).getText().isEmpty());
        push(KeyCode.ESCAPE);
        waitUntil(() -> table.getSelectionModel().isEmpty());
    }

    private String currentStep() {
        return onFx(() -> lookup("." + Css.STEP_CURRENT).tryQuery().map(Node::getId).orElse(""));
    }

    private boolean detailsShown() {
        return onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w != console.stage()));
    }

    // Keys.

    /**
     * Tab from the focus owner round the whole window until it comes back; every stop must be visible and draw its
     * focus, Tab must leave it (Ctrl+Tab where Tab is the control's own key), and the round must pass the header and
     * the sidebar. Shift+Tab goes back one stop.
     */
    private void tabRoundTheWindow(String screen) {
        tabRoundTheWindow(screen, true);
    }

    /** {@code inShell}: the screen is one of the shell's, with its header and sidebar (not the offline review). */
    private void tabRoundTheWindow(String screen, boolean inShell) {
        List<Node> stops = new ArrayList<>();
        for (int i = 0; i < MOST_STOPS; i++) {
            Node before = focusOwner();
            key(KeyCode.TAB);
            Node now = focusOwner();
            if (now == before) {
                if (!(now instanceof TextArea)) {
                    problems.add(screen + ": Tab does not leave " + describe(now));
                }
                key(KeyCode.CONTROL, KeyCode.TAB);
                now = focusOwner();
            }
            if (now == before) {
                problems.add(screen + ": Tab does not leave " + describe(now));
                return;
            }
            if (stops.contains(now)) {
                break;
            }
            stops.add(now);
            checkStop(screen, now);
        }
        if (inShell && (stops.stream().noneMatch(n -> "signOut".equals(n.getId()))
                || stops.stream().noneMatch(n -> n.getId() != null && n.getId().startsWith("nav-")))) {
            problems.add(screen + ": Tab does not come round the header and the sidebar: " + stops.stream()
                    .map(KeyboardJourneyTest::describe).toList());
        }
        Node last = focusOwner();
        key(KeyCode.SHIFT, KeyCode.TAB);
        int at = stops.indexOf(last);
        Node back = focusOwner();
        if (at > 0 && back != stops.get(at - 1)) {
            problems.add(screen + ": Shift+Tab from " + describe(last) + " goes to " + describe(back));
        }
    }

    private void checkStop(String screen, Node node) {
        if (!onFx(() -> shownToTheEye(node))) {
            problems.add(screen + ": Tab lands on " + describe(node) + ", which cannot be seen");
            return;
        }
        if (checked.containsKey(node)) {
            return;
        }
        checked.put(node, true);
        if (!focusDrawn(node)) {
            problems.add(screen + ": " + describe(node) + " does not draw its focus");
        }
    }

    /**
     * The control pictured focused (as Tab left it) and then with the focus elsewhere: the two pictures differ (for a
     * field, at its edge: a caret alone does not count). The focus goes back to it after.
     */
    private boolean focusDrawn(Node node) {
        return onFx(() -> {
            Image focused = node.snapshot(null, null);
            Scene scene = node.getScene();
            scene.getRoot().requestFocus();
            node.applyCss();
            Image elsewhere = node.snapshot(null, null);
            node.requestFocus();
            return differ(focused, elsewhere, node instanceof TextInputControl ? 4 : Integer.MAX_VALUE);
        });
    }

    /** Whether the pictures differ within {@code band} pixels of their edge (anywhere, for a band as wide as them). */
    private static boolean differ(Image a, Image b, int band) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return true;
        }
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean edge = x < band || y < band || x >= w - band || y >= h - band;
                if (edge && pa.getArgb(x, y) != pb.getArgb(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean shownToTheEye(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        if (node.getScene() == null) {
            return false;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        Scene s = node.getScene();
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < s.getWidth() && b.getMinY() < s.getHeight();
    }

    /** Presses Tab until {@code query} has the focus (or something inside it, as a table's cell). */
    private void tabUntil(String query) {
        Node target = find(query, Node.class);
        waitUntil(() -> shownToTheEye(target));
        for (int i = 0; i < MOST_STOPS; i++) {
            if (onFx(() -> within(focusOwner(), target))) {
                return;
            }
            Node before = focusOwner();
            key(KeyCode.TAB);
            if (focusOwner() == before) {
                key(KeyCode.CONTROL, KeyCode.TAB);
            }
        }
        throw new AssertionError("Tab never reaches " + query + "; the focus is on " + describe(focusOwner()));
    }

    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Types into the focused field key by key, each seen before the next (the robot drops a key typed twice). */
    private void typeInFocused(String text) {
        TextInputControl field = (TextInputControl) focusOwner();
        // a field reached by Tab has its text selected: the first key replaces it
        String kept = onFx(() -> field.getSelectedText().isEmpty() ? field.getText() : "");
        StringBuilder expected = new StringBuilder(kept);
        for (char c : text.toCharArray()) {
            String before = expected.toString();
            String after = expected.append(c).toString();
            for (int attempt = 0; attempt < 3; attempt++) {
                write(c);
                if (becomes(() -> after.equals(field.getText()), 40)) {
                    break;
                }
                if (!before.equals(onFx(field::getText))) {
                    break;
                }
            }
        }
        waitUntil(() -> expected.toString().equals(field.getText()));
    }

    private static boolean becomes(Callable<Boolean> condition, int tries) {
        for (int i = 0; i < tries; i++) {
            if (onFx(condition)) {
                return true;
            }
            WaitForAsyncUtils.sleep(10, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private static void waitFor(Callable<Boolean> condition, Callable<String> otherwise) {
        try {
            waitUntil(condition);
        } catch (AssertionError notThere) {
            throw new AssertionError(onFx(otherwise), notThere);
        }
    }

    /** The words a part of the window shows, for a failure's message. */
    private String says(String query) {
        return onFx(() -> from(find(query, Node.class)).lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && !l.getText().isBlank() && shownToTheEye(l)).queryAll().stream()
                .map(n -> ((Labeled) n).getText()).limit(20).toList().toString());
    }

    /**
     * Presses the keys together and lets them go, then waits for the window to have handled them: the keys queue on
     * the FX thread before the wait, so one round trip is enough (TestFX's push waits several, for every key).
     */
    private void key(KeyCode... keys) {
        for (KeyCode k : keys) {
            robotContext().getBaseRobot().pressKeyboard(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robotContext().getBaseRobot().releaseKeyboard(keys[i]);
        }
        onFx(() -> null);
    }

    private Node focusOwner() {
        return onFx(() -> console.stage().getScene().getFocusOwner());
    }

    private String text(String query) {
        return onFx(() -> {
            String t = find(query, Labeled.class).getText();
            return t == null ? "" : t;
        });
    }

    private static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        String name = node.getClass().getSimpleName();
        if (node.getId() != null) {
            return name + "#" + node.getId();
        }
        return node instanceof Labeled l ? name + " \"" + l.getText() + "\"" : name + node.getStyleClass();
    }
}
