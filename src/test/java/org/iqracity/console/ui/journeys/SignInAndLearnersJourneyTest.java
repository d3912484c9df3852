package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.ui.learners.LearnerRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Journeys on the real embedded platform with a small sandbox, through the real window. */
class SignInAndLearnersJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(2000);

    @Test
    void courseAdministratorOfTwoCoursesSeesExactlyThoseTwo() {
        signIn("nb-ta", PASSWORD);

        waitUntil(() -> shows("#coursePicker"));
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        waitUntil(() -> picker.getItems().size() == 2 && picker.getValue() != null);
        assertThat(picker.getItems()).extracting(CourseDto::id)
                .containsExactlyInAnyOrderElementsOf(platformCourses("nb-ta").stream().map(CourseDto::id).toList());
        assertThat(shows("#nav-learners")).isTrue();
        assertThat(present("#nav-breach_notices")).isFalse();
        assertThat(present("#nav-sponsor_reports")).isFalse();
        assertThat(find("#personDetail", Label.class).getText()).contains("Course administrator");
    }

    @Test
    void keyboardShortcutsNavigateAndFocusTheSearch() {
        signIn("nb-ta", PASSWORD);
        waitUntil(() -> shows("#learnersView"));

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> shows("#trackingView"));
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> shows("#learnersView"));
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        waitUntil(() -> find("#search", TextField.class).isFocused());
    }

    @Test
    void searchByEmailPrefixFindsTheLearnerAndOpensTheDetail() {
        LearnerRowDto someone = aLearnerWithEmail("nb-ta");
        String prefix = someone.email().substring(0, Math.min(someone.email().indexOf('@') + 1, 12));
        signIn("nb-ta", PASSWORD);
        waitUntil(() -> present("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> table = find("#learnerTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        interact(() -> picker.setValue(picker.getItems().stream()
                .filter(c -> c.id().equals(courseOf)).findFirst().orElseThrow()));

        fill("#search", prefix);

        waitUntil(() -> table.isVisible() && table.getItems().stream()
                .anyMatch(r -> !r.isMore() && r.learner().learnerId().equals(someone.learnerId()))
                && table.getItems().stream().allMatch(r -> r.isMore() || matchesPrefix(r.learner(), prefix)));
        assertThat(onFx(() -> table.getItems().size())).isLessThan(20);
        int index = onFx(() -> indexOf(table, someone));
        interact(() -> table.getSelectionModel().select(index));

        waitUntil(() -> shows("#detailName"));
        assertThat(find("#detailName", Label.class).getText()).isEqualTo(someone.name());
        assertThat(shows("#loggedNote")).isTrue();
        assertThat(onFx(() -> lookup(n -> n.getId() != null && n.getId().startsWith("visibility-")).queryAll()))
                .isNotEmpty();
    }

    /**
     * R5, R6: a retired learner who was sponsored shows who sponsored the enrollment, and nothing of the sponsor's
     * own reference for them, which would name the person the placeholder stands for.
     */
    @Test
    void r5ARetiredSponsoredLearnersDetailNamesTheSponsorButNoReference() {
        Jdbc jdbc = new Jdbc(sandbox.platform().database().dataSource());
        List<String> picked = jdbc.queryOne("SELECT e.course_id, l.username, s.name, e.sponsor_reference "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id JOIN sponsor s ON s.id = e.sponsor_id "
                + "WHERE e.member_id = 'northbridge' AND l.status = 'RETIRED' ORDER BY e.id", rs -> List.of(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).orElseThrow();
        List<String> references = jdbc.query("SELECT DISTINCT sponsor_reference FROM enrollment "
                + "WHERE sponsor_reference IS NOT NULL", rs -> rs.getString(1));
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> present("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> table = find("#learnerTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        interact(() -> picker.setValue(picker.getItems().stream()
                .filter(c -> c.id().equals(picked.get(0))).findFirst().orElseThrow()));
        fill("#search", picked.get(1).substring(0, 20));
        waitUntil(() -> table.isVisible() && table.getItems().stream()
                .anyMatch(r -> !r.isMore() && r.learner().username().equals(picked.get(1))));
        interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (!table.getItems().get(i).isMore()
                        && table.getItems().get(i).learner().username().equals(picked.get(1))) {
                    table.getSelectionModel().select(i);
                }
            }
        });

        waitUntil(() -> shows("#detailName") && find("#detailName", Label.class).getText().equals("Retired account"));
        String detail = onFx(() -> String.join("\n", lookup("#learnerDetail").queryAll().iterator().next()
                .lookupAll(".label").stream().filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList()));
        assertThat(detail).contains(picked.get(2)).doesNotContain("Reference").doesNotContain(picked.get(3));
        for (String reference : references) {
            assertThat(detail).doesNotContain(reference);
        }
        shot("learners-detail-retired-sponsored");
    }

    @Test
    void wrongPasswordShowsTheMessage() {
        signIn("nb-ta", "not-the-password");

        waitUntil(() -> shows("#signInError"));
        atlantafx.base.controls.Message error = find("#signInError", atlantafx.base.controls.Message.class);
        assertThat(error.getTitle()).isEqualTo("The username or password is not right.");
        assertThat(shows("#learnersView")).isFalse();
    }

    @Test
    void securityOfficerIsAskedForAndPassesTheSecondFactor() {
        signIn("nb-security", PASSWORD);

        waitUntil(() -> shows("#totp"));
        fill("#totp", Totp.now("JBSWY3DPEHPK3PXP"));
        clickOn("#verify");

        waitUntil(() -> shows("#nav-breach_notices"));
        assertThat(shows("#nav-access_log")).isTrue();
        assertThat(present("#nav-learners")).isFalse();
        assertThat(shows("#breachView")).isTrue();
    }

    private String courseOf;

    private LearnerRowDto aLearnerWithEmail(String username) {
        PlatformClient client = PlatformConnector.overHttp().connect(sandbox.platform().baseUri());
        client.signIn(username, PASSWORD, null);
        for (CourseDto course : client.courses().all()) {
            for (LearnerRowDto row : client.learners().page(course.id(), LearnerQuery.firstPage()).items()) {
                if (!row.retired() && row.email() != null && row.name() != null) {
                    courseOf = course.id();
                    client.signOut();
                    return row;
                }
            }
        }
        throw new IllegalStateException("sandbox has no learner with an email for " + username);
    }

    private List<CourseDto> platformCourses(String username) {
        PlatformClient client = PlatformConnector.overHttp().connect(sandbox.platform().baseUri());
        client.signIn(username, PASSWORD, null);
        List<CourseDto> courses = client.courses().all();
        client.signOut();
        return courses;
    }

    /**
     * People search: each word of the search (here the start of an email, up to its @) starts some word of the
     * username, the name or the email's local part.
     */
    private static boolean matchesPrefix(LearnerRowDto row, String prefix) {
        String typed = prefix.toLowerCase(Locale.ROOT).split("@")[0];
        List<String> words = Stream.of(row.username(),
                        row.name() == null ? "" : row.name(), row.email().split("@")[0])
                .flatMap(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .toList();
        return Arrays.stream(typed.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)));
    }

    private static int indexOf(TableView<LearnerRow> table, LearnerRowDto learner) {
        for (int i = 0; i < table.getItems().size(); i++) {
            LearnerRow row = table.getItems().get(i);
            if (!row.isMore() && row.learner().learnerId().equals(learner.learnerId())) {
                return i;
            }
        }
        throw new AssertionError("learner not in the table");
    }
}
