package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.iqracity.console.platform.PlatformFixture;
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
