package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.ui.common.Css;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every screen of a Member administrator and of a security officer, opened after the platform ended the session:
 * each asks to sign in again over itself (no error in its place, no error window), what the person typed before
 * stays, and once signed in again the screen shows its content without a click.
 */
class EveryScreenSessionEndJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(300);

    @Test
    void everyScreenOfAMemberAdministratorAsksToSignInAgainOverItselfAndThenShowsItsContent() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("#nav-courses_tracking", "#trackingCourses");
        screens.put("#nav-sponsor_reports", "#sponsorTree");
        screens.put("#nav-exports", "#exportCourses");
        screens.put("#nav-insights", "#insightCards");
        visitEveryScreenAfterTheSessionEnds("nb-admin", null, "#nav-learners", "#learnerTable", "#search", screens);
    }

    @Test
    void everyScreenOfASecurityOfficerAsksToSignInAgainOverItselfAndThenShowsItsContent() {
        String draft = aDraftByTheSecondOfficer();
        forgetUsedCodes(OFFICER);
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-breach_notices");
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("#nav-access_log", "#accessLogTable");
        screens.put("#nav-exports", "#researchCourse");
        visitEveryScreenAfterTheSessionEnds(OFFICER, OFFICER_TOTP, "#nav-breach_notices", "#newIncident", null,
                screens);

        // Breach notices loaded its list at sign-in: opening an incident is what meets the ended session there
        clickOn("#nav-breach_notices");
        waitUntil(() -> shows("#incident-" + draft));
        endTheSessionOnThePlatform(OFFICER);
        clickOn("#incident-" + draft);
        waitUntil(this::overlayShown, () -> "opening an incident did not ask to sign in again; the screen says "
                + whatTheScreenSays());
        signInAgain(OFFICER, OFFICER_TOTP);
        waitUntil(() -> contentShown("#draftFlow"), () -> "the incident did not open after signing in again; "
                + "the screen says " + whatTheScreenSays());
        assertThat(otherWindows()).isEmpty();
    }

    /** A draft the officer's colleague wrote, for the officer to open from the list. */
    private static String aDraftByTheSecondOfficer() {
        PlatformClient colleague = signedInClient(sandbox.platform(), SECOND_OFFICER, SECOND_OFFICER_TOTP);
        String course = new Jdbc(sandbox.platform().database().dataSource()).queryOne("SELECT id FROM course WHERE "
                + "member_id = 'northbridge' ORDER BY id", rs -> rs.getString(1)).orElseThrow();
        return colleague.breach().create(new IncidentRequest("Misaddressed grade email",
                Instant.now().minus(Duration.ofHours(2)), null, null, "Grades went to the wrong list.",
                List.of(DataCategory.NAME), "Grades", "The list was closed.", "Nothing needed.",
                "privacy@northbridge.example", new BreachScope(ScopeMode.FILTER, List.of(course), null, null,
                List.of(), List.of()), null, null)).value().id();
    }

    /**
     * On the first screen, once it shows its content, the person types into {@code typedField} (if any); then for
     * each screen in turn the platform ends the session, the person opens the screen, is asked to sign in again over
     * it, does, and sees its content. The typed text is still there at the end.
     */
    private void visitEveryScreenAfterTheSessionEnds(String username, String totpSecret, String firstScreen,
                                                     String firstContent, String typedField,
                                                     Map<String, String> screens) {
        waitUntil(() -> contentShown(firstContent), () -> firstContent + " not shown; the screen says "
                + whatTheScreenSays());
        if (typedField != null) {
            String before = onFx(() -> find("#total", Labeled.class).getText());
            fill(typedField, "b");
            // the search runs once typing pauses: the screen answers it while the session is still on
            waitUntil(() -> !before.equals(find("#total", Labeled.class).getText()) && contentShown(firstContent));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> screen : screens.entrySet()) {
            endTheSessionOnThePlatform(username);
            clickOn(screen.getKey());
            if (!becomes(this::overlayShown)) {
                wrong.add(screen.getKey() + " did not ask to sign in again; it says " + whatTheScreenSays());
                break;
            }
            signInAgain(username, totpSecret);
            if (!becomes(() -> contentShown(screen.getValue()))) {
                shot("session-end" + screen.getKey().replace("#", "-"));
                wrong.add(screen.getKey() + " did not show its content after signing in again; it says "
                        + whatTheScreenSays());
            }
            assertThat(otherWindows()).as("no error window over %s", screen.getKey()).isEmpty();
        }
        assertThat(wrong).isEmpty();
        if (typedField != null) {
            clickOn(firstScreen);
            assertThat(find(typedField, TextField.class).getText()).isEqualTo("b");
        }
    }

    /** As an administrator ending the person's sessions would, in the platform's own store. */
    private static void endTheSessionOnThePlatform(String username) {
        Jdbc jdbc = new Jdbc(sandbox.platform().database().dataSource());
        String staffId = jdbc.queryOne("SELECT id FROM staff WHERE username = ?", rs -> rs.getString(1), username)
                .orElseThrow();
        new SessionRepository(jdbc).revokeAllOf(staffId, Instant.now(), "journey");
    }

    /**
     * Each code works once, and its steps only go forward: a person signing in again four times within one code's
     * 30 seconds would wait for the next code; the journey forgets the codes used instead of waiting.
     */
    private static void forgetUsedCodes(String username) {
        new Jdbc(sandbox.platform().database().dataSource())
                .update("UPDATE staff SET totp_last_step = NULL WHERE username = ?", username);
    }

    private void signInAgain(String username, String totpSecret) {
        fill("#againPassword", PASSWORD);
        clickOn("#signInAgainSubmit");
        if (totpSecret != null) {
            waitUntil(() -> shows("#againTotp"));
            forgetUsedCodes(username);
            fill("#againTotp", Totp.now(totpSecret));
            clickOn("#signInAgainSubmit");
        }
        waitUntil(() -> !overlayShown());
    }

    private static boolean becomes(Callable<Boolean> condition) {
        try {
            waitUntil(condition);
            return true;
        } catch (AssertionError notThere) {
            return false;
        }
    }

    private static void waitUntil(Callable<Boolean> condition, Supplier<String> otherwise) {
        if (!becomes(condition)) {
            throw new AssertionError(otherwise.get());
        }
    }

    /** The words shown in the screen's place (not the header, navigation or status bar), for a failure's message. */
    private String whatTheScreenSays() {
        return onFx(() -> lookup("." + Css.CONTENT).queryAll().stream().filter(c -> c.getParent() instanceof BorderPane)
                .flatMap(c -> from(c).lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                        && !l.getText().isBlank() && visibleInTree(l)).queryAll().stream())
                .map(n -> ((Labeled) n).getText()).limit(20).toList().toString());
    }

    private boolean contentShown(String query) {
        return shows(query) && visibleInTree(find(query, Node.class)) && !loadingShown()
                && !sessionEndedWordsOnTheScreen();
    }

    private boolean overlayShown() {
        return onFx(() -> lookup("#signInAgain").tryQuery().map(n -> n.getParent().isVisible()).orElse(false));
    }

    private boolean loadingShown() {
        return onFx(() -> lookup(n -> n.getStyleClass().contains(Css.STATE_PANE) && visibleInTree(n)
                && n.lookup("#loadingMask") != null && visibleInTree(n.lookup("#loadingMask")))
                .tryQuery().isPresent());
    }

    /** "Your session has ended" said by the screen itself (a state pane, a message), not by the card over it. */
    private boolean sessionEndedWordsOnTheScreen() {
        return onFx(() -> lookup(n -> saysSessionEnded(n) && visibleInTree(n) && !inCard(n)).tryQuery().isPresent());
    }

    private static boolean saysSessionEnded(Node n) {
        String text = n instanceof Labeled l ? l.getText()
                : n instanceof Message m ? m.getTitle() + " " + m.getDescription() : null;
        return text != null && (text.contains("session has ended") || text.contains("Sign in again to continue"));
    }

    private static boolean inCard(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("signInAgain".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }
}
