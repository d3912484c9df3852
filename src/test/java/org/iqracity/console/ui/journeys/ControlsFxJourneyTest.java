package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.StatusBar;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ControlsFX parts of the console, driven through the real window against the shared sandbox platform. */
class ControlsFxJourneyTest extends ConsoleJourney {

    @BeforeEach
    void open() throws Exception {
        openConsole(PlatformFixture.h2().platform().baseUri().toString());
    }

    @AfterEach
    void close() throws Exception {
        closeConsole();
    }

    @Test
    void theSecondPassphraseSaysNothingWhileTheFirstIsTypedAndTheExportWaitsForAMatch() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-exports"));
        clickOn("#nav-exports");
        waitUntil(() -> shows("#course-0"));
        clickOn("#course-0");
        fill("#exportTarget", "course.iqroster");

        fill("#exportPassphrase", "correct horse battery");
        assertThat(problemUnder("#exportPassphraseAgain")).isNull();
        assertThat(problemUnder("#exportPassphrase")).isNull();
        assertThat(marks()).isZero();

        fill("#exportPassphraseAgain", "correct horse");
        // Still in the field: nothing said while it is typed.
        assertThat(problemUnder("#exportPassphraseAgain")).isNull();
        clickOn("#exportTarget");
        waitUntil(() -> "The two passphrases differ.".equals(problemUnder("#exportPassphraseAgain")));
        assertThat(marks()).isEqualTo(1);
        assertThat(find("#runExport", Button.class).isDisabled()).isTrue();

        fill("#exportPassphraseAgain", "correct horse battery");
        waitUntil(() -> problemUnder("#exportPassphraseAgain") == null);
        assertThat(marks()).isZero();
        assertThat(find("#runExport", Button.class).isDisabled()).isFalse();
    }

    @Test
    void aFinishedExportIsToldInANotificationWhateverTheScreen() throws Exception {
        Path out = TempFolders.create("mc-notice");
        try {
            signIn("nb-admin", PASSWORD);
            waitUntil(() -> shows("#nav-exports"));
            clickOn("#nav-exports");
            waitUntil(() -> shows("#course-0"));
            clickOn("#course-0");
            fill("#exportPassphrase", "correct horse battery");
            fill("#exportPassphraseAgain", "correct horse battery");
            fill("#exportTarget", out.resolve("course.iqroster").toString());
            clickOn("#runExport");
            waitUntil(() -> notices().contains("Export finished"));
            shotWithPopups("notification-export-done");
            // The notice leaves the header free: Sign out answers while it shows.
            clickOn("#signOut");
            waitUntil(() -> shows("#username"));
        } finally {
            TempFolders.delete(out);
        }
    }

    @Test
    void theStatusBarIsControlsFxsAndSaysTheConnection() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        assertThat(find("#statusBar", Node.class)).isInstanceOf(StatusBar.class);
        assertThat(find("#connectionState", Label.class).getText()).startsWith("Connected to");
        assertThat(find("#connectionState", Label.class).getAccessibleText()).startsWith("Connected to");
    }

    @Test
    void f1AndCtrlSlashShowEveryShortcutAndEscapeClosesTheSheet() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        List<String> nav = onFx(() -> lookup(".nav-item").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((ToggleButton) n).getText()).toList());

        push(KeyCode.F1);
        waitUntil(() -> shows("#shortcutSheet"));
        assertThat(find("#shortcutSheet", Region.class).getBackground().getFills())
                .as("the window dimmed behind the sheet").isNotEmpty();
        String sheet = onFx(() -> lookup("#shortcutSheet").lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n")));
        for (int i = 0; i < nav.size(); i++) {
            assertThat(sheet).contains("Ctrl+" + (i + 1), "Go to " + nav.get(i));
        }
        assertThat(sheet).contains("Ctrl+F", "F1, Ctrl+/");
        shot("shortcut-sheet");
        push(KeyCode.ESCAPE);
        waitUntil(() -> !shows("#shortcutSheet"));

        push(KeyCode.CONTROL, KeyCode.SLASH);
        waitUntil(() -> shows("#shortcutSheet"));
        clickOn("#closeShortcuts");
        waitUntil(() -> !shows("#shortcutSheet"));
    }

    @Test
    void everyDestinationHasItsCtrlDigit() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        List<String> ids = onFx(() -> lookup(".nav-item").queryAll().stream().filter(Node::isVisible)
                .map(Node::getId).toList());
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + (i + 1)));
            waitUntil(() -> find("#" + id, ToggleButton.class).isSelected());
        }
    }

    @Test
    void theLearnersCoursePickerNarrowsToWhatIsTypedAndLoadsThePickedCourse() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#coursePicker"));
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        assertThat(picker).isInstanceOf(SearchableComboBox.class);
        assertThat(picker.isShowing()).as("the list opens when asked, not when the screen does").isFalse();
        waitUntil(() -> picker.getItems().size() > 1);
        CourseDto wanted = onFx(() -> picker.getItems().getLast());
        clickOn(picker);
        TextField search = onFx(() -> (TextField) picker.getScene().getFocusOwner());
        write(wanted.id());
        waitUntil(() -> search.getText().equals(wanted.id()));
        push(KeyCode.ENTER);
        waitUntil(() -> wanted.equals(picker.getValue()));
        TableView<?> table = find("#learnerTable", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
    }

    @Test
    void theColumnChooserIsAPopOverWhoseTicksShowAndHideColumnsAndEscapeClosesIt() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#coursePicker"));
        TableView<?> table = find("#learnerTable", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        clickOn("#columnChooser");
        waitUntil(() -> popOver() != null);
        clickOn("#show-email");
        waitUntil(() -> !column(table, "col-email").isVisible());
        clickOn("#show-email");
        waitUntil(() -> column(table, "col-email").isVisible());
        push(KeyCode.ESCAPE);
        waitUntil(() -> popOver() == null);
    }

    /**
     * The changed parts in both themes, for a person to look at with -Djourney.shots=DIR: a field's mark and message,
     * the column chooser, the course picker narrowed by typing, the status bar and the shortcut sheet.
     */
    @Test
    void screenshotsOfTheControlsFxPartsInBothThemes() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#coursePicker"));
        for (String theme : List.of("light", "dark")) {
            if (theme.equals("dark")) {
                clickOn("#themeToggle");
            }
            clickOn("#nav-learners");
            TableView<?> table = find("#learnerTable", TableView.class);
            waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
            clickOn("#columnChooser");
            waitUntil(() -> popOver() != null);
            shotWithPopups("controlsfx-column-chooser-" + theme);
            push(KeyCode.ESCAPE);
            waitUntil(() -> popOver() == null);
            clickOn("#coursePicker");
            write("data");
            shotWithPopups("controlsfx-course-picker-" + theme);
            push(KeyCode.ESCAPE);

            clickOn("#nav-exports");
            waitUntil(() -> shows("#exportPassphrase"));
            fill("#exportPassphrase", "short");
            fill("#exportPassphraseAgain", "shorter");
            clickOn("#exportTarget");
            waitUntil(() -> problemUnder("#exportPassphraseAgain") != null);
            shot("controlsfx-validation-" + theme);
            push(KeyCode.F1);
            waitUntil(() -> shows("#shortcutSheet"));
            shot("controlsfx-shortcut-sheet-" + theme);
            push(KeyCode.ESCAPE);
            waitUntil(() -> !shows("#shortcutSheet"));
        }
    }

    /**
     * The keyboard reaches every control of the header and the sidebar (Tab; within the sidebar, whose items are one
     * group, the arrow keys), and each looks different while it holds the keyboard's focus than before: the focus is
     * drawn, not only there.
     */
    @Test
    void keyboardFocusIsDrawnOnEverySidebarAndHeaderControl() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#coursePicker"));
        List<Node> controls = onFx(() -> lookup(".app-header .button").queryAll().stream()
                .filter(Node::isVisible).collect(Collectors.toList()));
        controls.addAll(onFx(() -> lookup(".nav-item").queryAll().stream().filter(Node::isVisible).toList()));
        Map<Node, Image> unfocused = new HashMap<>();
        for (Node n : controls) {
            unfocused.put(n, onFx(() -> n.snapshot(null, null)));
        }
        // Tab goes round the whole window, so each of these comes up, wherever the focus starts.
        Set<Node> reached = new HashSet<>();
        List<String> undrawn = new ArrayList<>();
        List<Node> sidebar = controls.stream().filter(n -> n.getStyleClass().contains("nav-item")).toList();
        for (int i = 0; i < 120 && reached.size() < controls.size(); i++) {
            Node at = onFx(() -> console.stage().getScene().getFocusOwner());
            boolean inSidebar = at != null && at.getStyleClass().contains("nav-item");
            push(inSidebar && !reached.containsAll(sidebar) ? KeyCode.DOWN : KeyCode.TAB);
            Node owner = onFx(() -> console.stage().getScene().getFocusOwner());
            if (unfocused.containsKey(owner) && reached.add(owner)) {
                Image now = onFx(() -> owner.snapshot(null, null));
                if (samePixels(now, unfocused.get(owner))) {
                    undrawn.add(owner.getId());
                }
            }
        }
        assertThat(reached).as("reached by Tab").containsExactlyInAnyOrderElementsOf(controls);
        assertThat(undrawn).as("focused without a visible sign").isEmpty();
    }

    private static boolean samePixels(Image a, Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        if (w != (int) b.getWidth() || h != (int) b.getHeight()) {
            return false;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return onFx(() -> table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow());
    }

    /** The PopOver on screen, or null. */
    private PopOver popOver() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof PopOver && w.isShowing())
                .map(w -> (PopOver) w).findFirst().orElse(null));
    }

    /** The titles of the ControlsFX notifications on screen now. */
    private List<String> notices() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".notification-bar .title").stream())
                .map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void signInMarksAnAddressThatIsNoneAndASecondFactorCodeThatIsNoCode() {
        fill("#address", "not an address");
        clickOn("#username");
        waitUntil(() -> "That is not a platform address.".equals(problemUnder("#address")));
        waitUntil(() -> marks() == 1);
        fill("#username", OFFICER);
        fill("#password", PASSWORD);
        assertThat(find("#signIn", Button.class).isDisabled()).isTrue();
        shot("controlsfx-signin-validation");

        fill("#address", PlatformFixture.h2().platform().baseUri().toString());
        waitUntil(() -> problemUnder("#address") == null && marks() == 0);
        assertThat(problemUnder("#username")).as("no message for a field only sign-in needs").isNull();
        clickOn("#signIn");
        waitUntil(() -> shows("#totp"));
        fill("#totp", "12345");
        push(KeyCode.TAB);
        waitUntil(() -> "The code is the 6 digits your authenticator app shows now.".equals(problemUnder("#totp")));
        assertThat(find("#verify", Button.class).isDisabled()).isTrue();
        fill("#totp", Totp.at(OFFICER_TOTP, PlatformFixture.h2().clock().instant()));
        waitUntil(() -> problemUnder("#totp") == null && !find("#verify", Button.class).isDisabled());
    }

    /** Leaving a field for a link below it: the message that appears does not move the link from under the click. */
    @Test
    void theRosterLinkOpensAlthoughTheAddressWasLeftWrong() {
        fill("#address", "not an address");
        clickOn("#openRosterFromSignIn");
        waitUntil(() -> shows("#rosterFile"));
        assertThat(problemUnder("#address")).isEqualTo("That is not a platform address.");
    }

    @Test
    void aTooShortPassphraseIsMarkedOnceLeft() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-exports"));
        clickOn("#nav-exports");
        waitUntil(() -> shows("#exportPassphrase"));
        fill("#exportPassphrase", "short");
        assertThat(problemUnder("#exportPassphrase")).isNull();
        clickOn("#exportPassphraseAgain");
        waitUntil(() -> problemUnder("#exportPassphrase") != null);
        assertThat(problemUnder("#exportPassphrase")).isEqualTo("The passphrase needs at least 12 characters.");
    }

    /** The line under a field, when shown. */
    private String problemUnder(String field) {
        return onFx(() -> lookup(field + "Problem").tryQuery().filter(Node::isVisible)
                .map(n -> ((Label) n).getText()).orElse(null));
    }

    /** ControlsFX's marks beside fields, as drawn now. */
    private int marks() {
        return onFx(() -> (int) lookup(".field-mark").queryAll().stream().filter(Node::isVisible).count());
    }
}
