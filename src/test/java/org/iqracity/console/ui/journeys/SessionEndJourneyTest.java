package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.ui.learners.LearnerRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session ends on the platform: the console asks to sign in again over the same screen and carries on. */
class SessionEndJourneyTest extends ConsoleJourney {

    private static final Duration ABSOLUTE = Duration.ofSeconds(8);

    @TempDir
    Path dataDir;
    private Platform platform;

    @AfterEach
    void tearDown() throws Exception {
        closeConsole();
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void endedSessionAsksToSignInAgainAndKeepsTheScreen() throws Exception {
        platform = Platform.start(PlatformConfig.embedded(dataDir, 0).withLearners(1000)
                .withSessionLimits(Duration.ofSeconds(3), Duration.ofMinutes(5), ABSOLUTE), StartupListener.NONE);
        openConsole(platform.baseUri().toString());
        signIn("nb-ta", PASSWORD);
        waitUntil(() -> present("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> table = find("#learnerTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        // The largest of nb-ta's courses, which has learners whose names start with "b" (courses are listed by title,
        // and the first, Academic Writing, has 27 learners here).
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker =
                find("#coursePicker", ComboBox.class);
        var largest = onFx(() -> picker.getItems().stream()
                .max(Comparator.comparingLong(CourseDto::enrollmentCount))
                .orElseThrow());
        interact(() -> picker.setValue(largest));
        waitUntil(() -> table.isVisible() && table.getItems().size() == largest.enrollmentCount()
                && !table.getItems().getFirst().isMore());
        // The platform counts the absolute limit from its own sign-in, a little before the table showed.
        Thread.sleep(ABSOLUTE.toMillis() + 500);

        fill("#search", "b");

        waitUntil(() -> console.state().signInAgainNeededProperty().get() && overlayShown());
        assertThat(console.state().session()).isNotNull();
        assertThat(find("#search", TextField.class).getText()).isEqualTo("b");
        // Tab goes round the card, never on into the screen beneath it
        Node card = find("#signInAgain", Node.class).getParent();
        for (int i = 0; i < 8; i++) {
            push(KeyCode.TAB);
            Node focused = onFx(() -> console.stage().getScene().getFocusOwner());
            assertThat(onFx(() -> within(focused, card))).as("focus on %s", focused).isTrue();
        }
        fill("#againPassword", PASSWORD);
        clickOn("#signInAgainSubmit");

        waitUntil(() -> !overlayShown());
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.isMore() || r.learner().retired()
                        || wordStartsWithB(r.learner().username(), r.learner().name(),
                                r.learner().email().split("@")[0])));
        assertThat(shows("#learnersView")).isTrue();
    }

    private static boolean within(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private boolean overlayShown() {
        return onFx(() -> lookup("#signInAgain").tryQuery().map(n -> n.getParent().isVisible()).orElse(false));
    }

    /** People search: "b" starts some word of the username, the name or the email's local part. */
    private static boolean wordStartsWithB(String... texts) {
        return Arrays.stream(texts).flatMap(t -> Arrays.stream(t.split("[^\\p{L}\\p{N}]+")))
                .anyMatch(w -> w.toLowerCase(Locale.ROOT).startsWith("b"));
    }
}
