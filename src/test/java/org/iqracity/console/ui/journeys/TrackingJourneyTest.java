package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.text.Collator;
import java.util.List;
import java.util.function.Predicate;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.tracking.TechnologyDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Courses & tracking through the real window, with a second administrator on the same platform. */
class TrackingJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(500);

    @Test
    void editSaveMergeAnotherAdministratorsVersionChooseWhereBothChangedAndRevert() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-courses_tracking"));
        clickOn("#nav-courses_tracking");
        TableView<TechnologyDraft> table = technologyTable();
        waitUntil(() -> table.isVisible() && table.getItems().size() > 3);
        String courseId = selectedCourse().id();
        // the other journeys of this class may have saved before: versions are counted from here
        long v = Long.parseLong(version().replaceAll("^Version (\\d+).*", "$1"));

        // Edit a technology and save with the keyboard: the version goes up.
        editRetentionOf(table, "Course analytics", "26 months");
        assertThat(shows("#unsavedBadge")).isTrue();
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> version().startsWith("Version " + (v + 1) + " "));
        assertThat(shows("#unsavedBadge")).isFalse();
        // told by a notification that passes; nothing is pushed in above the form the person is working in
        waitUntil(() -> savedNotices() > 0);
        assertThat(shows("#trackingNotice")).isFalse();
        PlatformClient other = anotherAdministrator();
        assertThat(technology(other.tracking().current(courseId).value(),
                "Course analytics").retention()).isEqualTo("26 months");

        // Another administrator saves a version meanwhile.
        Versioned<TrackingSettingsDto> seen = other.tracking().current(courseId);
        List<TrackingTechnologyDto> fewer = seen.value().technologies().stream()
                .filter(t -> !t.name().equals("Link click tracking")).toList();
        other.tracking().save(courseId, seen.etag(), new TrackingSettingsRequest(
                seen.value().honourGlobalPrivacyControl(), seen.value().categories(), fewer));

        // Saving on the older version merges the newer one with this edit; the person sees what came in, then saves.
        // The rows, sorted by party, stay in the arrow's order when the merge replaces them.
        clickHeader("#techColParty");
        editRetentionOf(table, "Course analytics", "24 months");
        clickOn("#trackingSave");
        waitUntil(() -> version().startsWith("Version " + (v + 2) + " "));
        assertThat(noticeText()).contains("saved version " + (v + 2), "Removed Link click tracking.");
        assertRowsFollowTheArrow(table);
        assertThat(table.getItems()).extracting(t -> t.nameProperty().get()).doesNotContain("Link click tracking");
        assertThat(shows("#unsavedBadge")).isTrue();
        shotWithPopups("tracking-merged");
        clickOn("#trackingSave");
        waitUntil(() -> version().startsWith("Version " + (v + 3) + " "));
        TrackingSettingsDto merged = other.tracking().current(courseId).value();
        assertThat(technology(merged, "Course analytics").retention()).isEqualTo("24 months");
        assertThat(merged.technologies()).extracting(TrackingTechnologyDto::name).doesNotContain("Link click tracking");

        // Both change the same field: only that field is asked about, with both values; the rest is merged.
        Versioned<TrackingSettingsDto> before = other.tracking().current(courseId);
        other.tracking().save(courseId, before.etag(), new TrackingSettingsRequest(
                before.value().honourGlobalPrivacyControl(), before.value().categories(),
                before.value().technologies().stream().map(t -> !t.name().equals("Course analytics") ? t
                        : new TrackingTechnologyDto(t.id(), t.name(), t.kind(), t.party(), t.provider(),
                                t.category(), t.purpose(), t.sets(), "25 months", t.runsOn(), t.optOutUrl(),
                                t.necessityJustification(), null)).toList()));
        editRetentionOf(table, "Course analytics", "12 months");
        editRetentionOf(table, "Session cookie", "Until sign-out");
        clickOn("#trackingSave");
        waitUntil(() -> shows("#conflictDialog"));
        assertThat(onFx(() -> find("#conflictMine0", Labeled.class).getText())).isEqualTo("Yours: 12 months");
        assertThat(onFx(() -> find("#conflictTheirs0", Labeled.class).getText())).isEqualTo("Theirs: 25 months");
        assertThat(lookup("#conflictMine1").tryQuery()).isEmpty();
        clickOn("#conflictTheirs0");
        clickOn("#conflictMerge");
        waitUntil(() -> version().startsWith("Version " + (v + 4) + " "));
        clickOn("#trackingSave");
        waitUntil(() -> version().startsWith("Version " + (v + 5) + " "));
        TrackingSettingsDto chosen = other.tracking().current(courseId).value();
        assertThat(technology(chosen, "Course analytics").retention()).isEqualTo("25 months");
        assertThat(technology(chosen, "Session cookie").retention()).isEqualTo("Until sign-out");

        // Back to the first version from the history, after confirming.
        clickOn("Version history");
        @SuppressWarnings("unchecked")
        ListView<TrackingVersionDto> history = find("#historyList", ListView.class);
        waitUntil(() -> history.isVisible() && history.getItems().size() == v + 5);
        interact(() -> history.getSelectionModel().select(history.getItems().getLast()));
        waitUntil(() -> !find("#revertButton", Button.class).isDisabled());
        // each changed field with its value now and then, as the form words it
        waitUntil(() -> texts("#historyCompare").contains("Course analytics, retention: 25 months \u2192 13 months"));
        assertThat(texts("#historyCompare")).contains("Session cookie, retention: Until sign-out \u2192 ")
                .contains("Added Link click tracking.").doesNotContain("_PARTY", "COURSE_", "STRICTLY");
        shotWithPopups("tracking-history-compare");
        // by keyboard: the notifications of the saves just made may still stand over the button's corner
        interact(() -> find("#revertButton", Button.class).requestFocus());
        push(KeyCode.SPACE);
        waitUntil(() -> shows("#revertConfirm"));
        clickOn("#revertConfirm");
        waitUntil(() -> version().startsWith("Version " + (v + 6) + " "));
        assertThat(other.tracking().history(courseId).getFirst().revertedFrom()).isEqualTo(1L);
        assertThat(technology(other.tracking().current(courseId).value(), "Course analytics").retention())
                .isEqualTo("13 months");
    }

    @Test
    void removeAndDiscardCanBeUndoneAndLeavingWithUnsavedEditsAsksFirst() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-courses_tracking"));
        clickOn("#nav-courses_tracking");
        TableView<TechnologyDraft> table = technologyTable();
        waitUntil(() -> table.isVisible() && table.getItems().size() > 3);
        // Sorted by a column header, the rows follow the arrow; sorting is no edit of the settings' own order.
        clickHeader("#techColCategory");
        waitUntil(() -> onFx(() -> !table.getSortOrder().isEmpty()));
        assertRowsFollowTheArrow(table);
        assertThat(shows("#unsavedBadge")).isFalse();
        editRetentionOf(table, "Session cookie", "Until sign-out");
        TechnologyDraft session = draftNamed(table, "Session cookie");

        // Remove, then Undo: the technology is back in its place, as it was.
        TechnologyDraft analytics = draftNamed(table, "Course analytics");
        interact(() -> table.getSelectionModel().select(analytics));
        int at = table.getItems().indexOf(analytics);
        clickOn("#removeTechnology");
        waitUntil(() -> shows("#trackingUndoBar"));
        assertThat(find("#trackingUndoText", Label.class).getText()).isEqualTo("Course analytics was removed.");
        assertThat(table.getItems()).doesNotContain(analytics);
        shotWithPopups("tracking-undo");
        clickOn("#trackingUndo");
        waitUntil(() -> table.getItems().indexOf(analytics) == at);
        assertThat(shows("#trackingUndoBar")).isFalse();

        // Discard, then Undo: the edits are back, and the rows still follow the arrow.
        clickOn("#trackingDiscard");
        waitUntil(() -> !shows("#unsavedBadge") && shows("#trackingUndoBar"));
        assertThat(table.getItems()).doesNotContain(session);
        assertRowsFollowTheArrow(table);
        clickOn("#trackingUndo");
        waitUntil(() -> shows("#unsavedBadge"));
        assertThat(table.getItems()).contains(session);
        assertThat(session.retentionProperty().get()).isEqualTo("Until sign-out");
        assertRowsFollowTheArrow(table);

        clickOn("#nav-learners");
        waitUntil(() -> shows("#leaveCancel"));
        clickOn("#leaveCancel");

        waitUntil(() -> shows("#trackingView"));
        assertThat(shows("#unsavedBadge")).isTrue();
        assertThat(lookup("#learnersView").tryQuery()).isEmpty();

        clickOn("#nav-learners");
        waitUntil(() -> shows("#leaveDiscard"));
        clickOn("#leaveDiscard");
        waitUntil(() -> shows("#learnersView"));
    }

    @Test
    void r9AThirdPartyPutUnderStrictlyNecessaryIsWarnedAboutAskedWhyAndFlagged() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-courses_tracking"));
        clickOn("#nav-courses_tracking");
        TableView<TechnologyDraft> table = technologyTable();
        waitUntil(() -> table.isVisible() && table.getItems().size() > 3);
        TechnologyDraft video = table.getItems().stream()
                .filter(t -> t.nameProperty().get().equals("Lecture video player")).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(video));
        waitUntil(() -> shows("#techCategory"));
        String before = version().replaceAll("^Version (\\d+).*", "$1");
        String after = "Version " + (Long.parseLong(before) + 1);
        assertThat(shows("#necessityWarning")).isFalse();
        assertThat(shows("#techJustification")).isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<TrackingCategory> category = find("#techCategory", ComboBox.class);
        interact(() -> category.setValue(TrackingCategory.STRICTLY_NECESSARY));

        waitUntil(() -> shows("#necessityWarning"));
        assertThat(onFx(() -> find("#necessityWarning", Label.class).getText())).contains("third party");
        assertThat(shows("#techJustification")).isTrue();
        scrollTo("#necessityWarning");
        shot("tracking-necessity-warning");
        clickOn("#trackingSave");
        waitUntil(() -> shows("#error-necessityJustification"));
        assertThat(version()).startsWith("Version " + before + " ");
        // ControlsFX marks the field, and Save waits until it is fixed.
        waitUntil(() -> lookup(".field-mark").queryAll().stream().anyMatch(Node::isVisible));
        assertThat(find("#trackingSave", Button.class).isDisabled()).isTrue();

        interact(() -> find("#techJustification", TextInputControl.class)
                .setText("Lectures are only published as StreamHall videos; without the player no lecture plays."));
        waitUntil(() -> !shows("#error-necessityJustification"));
        clickOn("#trackingSave");
        waitUntil(() -> version().startsWith(after + " "));
        assertThat(texts("#previewPane")).contains("Flagged: a third party");

        clickOn("Version history");
        @SuppressWarnings("unchecked")
        ListView<TrackingVersionDto> history = find("#historyList", ListView.class);
        waitUntil(() -> history.isVisible() && history.getItems().size() > 1);
        assertThat(texts("#historyList")).contains("Lecture video player: Flagged", "Justification: Lectures are");
        shot("tracking-necessity-history");
    }

    /** Scrolls the pane holding {@code query} so that it sits near the top, as a person would to read it. */
    private void scrollTo(String query) {
        interact(() -> {
            Node node = lookup(query).query();
            Node p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane pane) {
                double content = pane.getContent().getBoundsInLocal().getHeight();
                double view = pane.getViewportBounds().getHeight();
                double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY() - 200;
                pane.setVvalue(content <= view ? 0 : Math.max(0, Math.min(1, y / (content - view))));
            }
        });
    }

    /**
     * A left click on a column header, as the desktop delivers it. The headless glass of the journeys marks every
     * press and release as a popup trigger, and a column header ignores those, so TestFX's clickOn never sorts.
     */
    private void clickHeader(String query) {
        interact(() -> {
            Node header = lookup(query).query();
            Bounds b = header.getLayoutBounds();
            Point2D screen = header.localToScreen(b.getCenterX(), b.getCenterY());
            for (EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED)) {
                Event.fireEvent(header, new MouseEvent(type, b.getCenterX(), b.getCenterY(), screen.getX(),
                        screen.getY(), MouseButton.PRIMARY, 1, false, false, false, false,
                        type == MouseEvent.MOUSE_PRESSED, false, false, false, false, true, null));
            }
        });
    }

    /** The sort arrow is shown, and the rows are in the order it says. */
    private void assertRowsFollowTheArrow(TableView<TechnologyDraft> table) {
        onFx(() -> {
            assertThat(table.getSortOrder()).hasSize(1);
            TableColumn<TechnologyDraft, ?> column = table.getSortOrder().getFirst();
            assertThat(table.lookupAll(".column-header .arrow")).anyMatch(Node::isVisible);
            List<String> shown = table.getItems().stream().map(t -> String.valueOf(column.getCellData(t))).toList();
            List<String> sorted = shown.stream().sorted(column.getSortType() == TableColumn.SortType.ASCENDING
                    ? Collator.getInstance() : Collator.getInstance().reversed()).toList();
            assertThat(shown).isEqualTo(sorted);
            return null;
        });
    }

    private static TechnologyDraft draftNamed(TableView<TechnologyDraft> table, String name) {
        return table.getItems().stream().filter(t -> t.nameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    private void editRetentionOf(TableView<TechnologyDraft> table, String name, String retention) {
        TechnologyDraft draft = draftNamed(table, name);
        interact(() -> table.getSelectionModel().select(draft));
        TextInputControl field = find("#techRetention", TextInputControl.class);
        waitUntil(() -> draft.retentionProperty().get().equals(field.getText()));
        interact(() -> field.setText(retention));
    }

    @SuppressWarnings("unchecked")
    private TableView<TechnologyDraft> technologyTable() {
        waitUntil(() -> lookup("#technologyTable").tryQuery().isPresent());
        return find("#technologyTable", TableView.class);
    }

    @SuppressWarnings("unchecked")
    private CourseDto selectedCourse() {
        ListView<CourseDto> list = find("#trackingCourses", ListView.class);
        return list.getSelectionModel().getSelectedItem();
    }

    private String noticeText() {
        return onFx(() -> find("#trackingNotice", Message.class).getDescription());
    }

    private String version() {
        return find("#trackingVersion", Label.class).getText();
    }

    /** Every label's text under a node, joined: what a person reads there. */
    private String texts(String query) {
        Node root = lookup(query).query();
        StringBuilder all = new StringBuilder();
        from(root).lookup((Predicate<Node>) n -> n instanceof Label).queryAll()
                .forEach(n -> all.append(((Label) n).getText()).append('\n'));
        return all.toString();
    }

    private static PlatformClient anotherAdministrator() {
        PlatformClient client = PlatformConnector.overHttp().connect(sandbox.platform().baseUri());
        client.signIn("nb-admin", PASSWORD, null);
        return client;
    }

    private static TrackingTechnologyDto technology(TrackingSettingsDto settings, String name) {
        return settings.technologies().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** ControlsFX notifications on screen that tell of a save. */
    private long savedNotices() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".notification-bar .title").stream())
                .filter(n -> "Tracking settings saved".equals(((Labeled) n).getText())).count());
    }
}
