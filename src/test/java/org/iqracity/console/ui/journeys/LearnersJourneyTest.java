package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.assertj.core.data.Offset;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.ui.learners.LearnerRow;
import org.iqracity.console.ui.learners.RowWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The learners screen on the 20,000-learner sandbox, through the real window: the 10,000 learners of CS101 after
 * jumps of every kind, and what a person's browsing writes to the access log.
 */
class LearnersJourneyTest extends ConsoleJourney {
    static final String BIG_COURSE = "course-v1:Northbridge+CS101+2026_T1";
    /**
     * How long the rows on screen may stay "loading" after a jump. The bar is 1 s; a loaded 2-core machine shared with
     * other builds gets a little more before the test calls it a stall (which it was: rows never filled at all).
     */
    static final long FILL_BAR_MS = Long.getLong("journey.fillBarMs", 3_000);

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(20_000);
    static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = sandbox.platform();
        warmUp();
    }

    /**
     * Walks the course once through the HTTP client, so that the bars measure the console and not a platform still
     * compiling its code (its first walk takes several times as long).
     */
    private static void warmUp() {
        PlatformClient client = signedInClient(platform, "nb-admin", null);
        for (int round = 0; round < 2; round++) {
            var page = client.learners().page(BIG_COURSE, LearnerQuery.firstPage());
            while (page.nextCursor() != null) {
                page = client.learners().page(BIG_COURSE, LearnerQuery.firstPage().withCursor(page.nextCursor())
                        .withLimit(LearnerQuery.MAX_LIMIT));
            }
        }
        client.signOut();
    }

    @Test
    void rowsOnScreenAreFilledAfterEveryKindOfJumpInATenThousandLearnerCourse() {
        TableView<LearnerRow> table = openBigCourse();
        assertThat(onFx(() -> table.getItems().isEmpty())).isFalse();
        clickOn(table.lookup(".table-row-cell"));
        List<String> timings = new ArrayList<>();
        long listsOpened = accessLogCount("LEARNER_LIST");

        dragThumbTo(0.5);
        timings.add("thumb to the middle " + filledWithinBar(table, "thumb drag to the middle") + " ms");
        assertThat(firstRowShown(table)).isBetween(4_000, 6_000);
        // A jump inside the list opened is no new opening of it in the access log (R12).
        assertThat(accessLogCount("LEARNER_LIST")).isEqualTo(listsOpened);

        clickOn(table.lookup(".table-row-cell"));
        press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        timings.add("Ctrl+End " + filledWithinBar(table, "Ctrl+End") + " ms");
        assertThat(lastRowShown(table)).isEqualTo(9_999);
        shot("learners-jump-end");

        press(KeyCode.HOME).release(KeyCode.HOME);
        timings.add("Home " + filledWithinBar(table, "Home") + " ms");
        assertThat(firstRowShown(table)).isZero();

        narrowAndWiden(table);
        clickOn(table.lookup(".table-row-cell"));
        press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        timings.add("Ctrl+End after a search " + filledWithinBar(table, "Ctrl+End after a search") + " ms");

        narrowAndWiden(table);
        clickOn(table.lookup(".table-row-cell"));
        for (int i = 0; i < 60; i++) {
            press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        }
        timings.add("PageDown x60 " + filledWithinBar(table, "PageDown held") + " ms");
        assertThat(firstRowShown(table)).isGreaterThan(500);

        narrowAndWiden(table);
        dragThumbTo(0.97);
        timings.add("thumb near the end " + filledWithinBar(table, "thumb drag near the end") + " ms");

        // The thumb thrown to the middle in one move, as a fast hand does: no position on the way to fetch ahead.
        narrowAndWiden(table);
        ScrollBar bar = find("#learnerScrollBar", ScrollBar.class);
        interact(() -> bar.setValue(bar.getMax() / 2));
        timings.add("bar to the middle at once " + filledWithinBar(table, "the bar set to the middle") + " ms");
        assertThat(firstRowShown(table)).isBetween(4_000, 6_000);
        System.out.println("jump to rows: " + String.join(", ", timings));
    }

    /**
     * R12: the access log says who viewed which learner. Arrowing down past 40 learners views the one the selection
     * rests on, not 40: the platform's own log, read in its database, holds one new entry.
     */
    @Test
    void r12FortyQuickDownPressesWriteOneViewToTheAccessLog() {
        TableView<LearnerRow> table = openBigCourse();
        clickOn(table.lookup(".table-row-cell"));
        LearnerRow first = onFx(() -> table.getSelectionModel().getSelectedItem());
        waitUntil(() -> shows("#detailName"));
        long before = learnerViews();
        assertThat(before).as("the click viewed the learner clicked").isPositive();
        int start = onFx(() -> table.getSelectionModel().getSelectedIndex());

        for (int i = 0; i < 40; i++) {
            press(KeyCode.DOWN).release(KeyCode.DOWN);
        }
        // The headless robot may drop a key pressed straight after the same key: the selection went down most of them.
        assertThat(onFx(() -> table.getSelectionModel().getSelectedIndex())).isBetween(start + 20, start + 40);
        LearnerRow landed = onFx(() -> table.getSelectionModel().getSelectedItem());
        String expected = landed.learner().retired() ? "Retired account" : landed.learner().name();
        waitUntil(() -> shows("#detailName") && find("#detailName", Label.class).getText()
                .equals(expected));
        sleep(800);
        long after = learnerViews();

        assertThat(after - before).as("LEARNER_VIEW entries written while arrowing past 40 learners")
                .isBetween(1L, 2L);
        assertThat(lastViewed()).isEqualTo(landed.learner().learnerId());
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        sleep(500);
        assertThat(learnerViews()).as("Enter on the learner shown opens nothing new").isEqualTo(after);
        assertThat(first.learner().learnerId()).isNotEqualTo(landed.learner().learnerId());
    }

    @Test
    void theUsernameStaysInViewSidewaysAndCopiesAndColumnsHideAndStayHidden() {
        TableView<LearnerRow> table = openBigCourse();
        clickOn(table.lookup(".table-row-cell"));
        LearnerRow chosen = onFx(() -> table.getSelectionModel().getSelectedItem());
        ScrollBar sideways = onFx(() -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL)
                .map(n -> (ScrollBar) n).findFirst().orElseThrow());
        interact(() -> sideways.setValue(sideways.getMax()));
        WaitForAsyncUtils.waitForFxEvents();
        sleep(200);

        double tableLeft = onFx(() -> table.localToScene(table.getLayoutBounds()).getMinX());
        Node strip = find("#frozenUsernames", Node.class);
        assertThat(onFx(strip::isVisible)).as("the usernames are kept in view").isTrue();
        var usernameCells = onFx(() -> strip.lookupAll(".frozen-cell").stream().filter(Node::isVisible)
                .map(n -> (Label) n).toList());
        assertThat(usernameCells).hasSizeGreaterThan(10);
        assertThat(usernameCells).anyMatch(l -> l.getText().equals(chosen.learner().username()));
        for (var cell : usernameCells) {
            assertThat(onFx(() -> cell.localToScene(cell.getLayoutBounds()).getMinX()))
                    .isCloseTo(tableLeft, Offset.offset(2.0));
        }
        var header = onFx(() -> strip.lookup(".frozen-header"));
        assertThat(onFx(() -> header.localToScene(header.getLayoutBounds()).getMinX()))
                .isCloseTo(tableLeft, Offset.offset(2.0));
        shot("learners-scrolled-sideways");

        // A column too narrow for its values: each cut value shows whole as the cell's tooltip.
        interact(() -> {
            sideways.setValue(0);
            var email = table.getColumns().stream().filter(c -> "col-email".equals(c.getId())).findFirst()
                    .orElseThrow();
            email.setPrefWidth(90);
        });
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);
        var cut = onFx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.isVisible() && c.getTableColumn() != null
                        && "col-email".equals(c.getTableColumn().getId())
                        && c.getText() != null)
                .toList());
        assertThat(cut).hasSizeGreaterThan(5).allSatisfy(c -> {
            assertThat(onFx(c::isTextTruncated)).isTrue();
            assertThat(onFx(() -> c.getTooltip().getText())).isEqualTo(onFx(c::getText));
        });

        interact(() -> Clipboard.getSystemClipboard().clear());
        press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo(chosen.learner().username());
        rightClickOn(onFx(() -> table.lookup(".table-row-cell:selected")));
        clickOn("#copyEmail");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo(chosen.learner().email());

        clickOn("#columnChooser");
        clickOn("#show-email");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(onFx(() -> table.getColumns().stream().filter(c -> "col-email".equals(c.getId()))
                .findFirst().orElseThrow().isVisible())).isFalse();
        clickOn("#nav-insights");
        waitUntil(() -> shows("#insightsView"));
        clickOn("#nav-learners");
        waitUntil(() -> present("#learnerTable") && shows("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> again = find("#learnerTable", TableView.class);
        assertThat(onFx(() -> again.getColumns().stream().filter(c -> "col-email".equals(c.getId()))
                .findFirst().orElseThrow().isVisible())).as("the hidden column stays hidden").isFalse();
        assertThat(onFx(() -> again.getColumns().stream().filter(c -> "col-name".equals(c.getId()))
                .findFirst().orElseThrow().isVisible())).isTrue();
    }

    @Test
    void escapeClearsTheSearchThenTheSelectionAndTheCourseChosenLastOpensEverywhere() {
        TableView<LearnerRow> table = openBigCourse();
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        List<String> titles = onFx(() -> picker.getItems().stream().map(CourseDto::title).toList());
        assertThat(titles).isSortedAccordingTo(Collator.getInstance(Locale.ENGLISH));

        clickOn(table.lookup(".table-row-cell"));
        waitUntil(() -> shows("#detailName"));
        fill("#search", "a");
        waitUntil(() -> table.isVisible() && table.getItems().size() < 10_000);
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> find("#search", TextField.class).getText().isEmpty()
                && table.isVisible() && table.getItems().size() == 10_000);
        clickOn(table.lookup(".table-row-cell"));
        waitUntil(() -> shows("#detailName"));
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> table.getSelectionModel().isEmpty()
                && !find("#learnerDetail", Node.class).lookup(".scroll-pane").isVisible());

        clickOn("#nav-insights");
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> insights = find("#insightsCoursePicker", ComboBox.class);
        waitUntil(() -> insights.getValue() != null);
        assertThat(onFx(() -> insights.getValue().id())).isEqualTo(BIG_COURSE);
        clickOn("#signOut");
        waitUntil(() -> present("#username"));
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> present("#coursePicker"));
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> afterSignIn = find("#coursePicker", ComboBox.class);
        waitUntil(() -> afterSignIn.getValue() != null);
        assertThat(onFx(() -> afterSignIn.getValue().id())).isEqualTo(BIG_COURSE);
    }

    /**
     * Countries are picked by name from a searchable list, several at once, and the list then holds learners of
     * those countries only; the active filters show as chips with the count, and a chip's click removes its filter.
     * Screenshots at 1280x800 and, for the filter bar, 1024x700, in both themes.
     */
    @Test
    void countriesArePickedByNameAndTheActiveFiltersShowAsChipsWithTheCount() {
        TableView<LearnerRow> table = openBigCourse();
        for (String theme : List.of("light", "dark")) {
            if (theme.equals("dark")) {
                clickOn("#themeToggle");
                WaitForAsyncUtils.waitForFxEvents();
            }
            windowSize(1280, 800);
            clickOn("#countryPicker");
            waitUntil(() -> shows("#countryList"));
            fill("#countrySearch", "keny");
            waitUntil(() -> countriesListed().size() == 1);
            clickOn(onFx(() -> lookup("#countryList").query().lookup(".check-box")));
            fill("#countrySearch", "germ");
            waitUntil(() -> countriesListed().size() == 1);
            clickOn(onFx(() -> lookup("#countryList").query().lookup(".check-box")));
            fill("#countrySearch", "");
            shotWithPopups("learners-country-picker-" + theme);
            clickOn("#countriesDone");

            waitUntil(() -> table.isVisible() && !table.getItems().isEmpty() && table.getItems().size() < 10_000
                    && !table.getItems().getFirst().isMore());
            assertThat(onFx(() -> table.getItems().stream().filter(r -> !r.isMore() && !r.learner().retired())
                    .map(r -> r.learner().country()).distinct().toList())).isSubsetOf("KE", "DE").isNotEmpty();
            assertThat(find("#countryPicker", Button.class).getText())
                    .isEqualTo("Kenya, Germany");
            assertThat(find("#chip-countries", Button.class).getText())
                    .isEqualTo("Country: Kenya, Germany");
            int listed = onFx(() -> table.getItems().size());
            assertThat(find("#filteredCount", Label.class).getText())
                    .isEqualTo(String.format(Locale.ENGLISH, "%,d of 10,000 learners", listed));
            clickOn("#activeFilter");
            clickOn(onFx(() -> lookup(".list-cell").queryAll().stream()
                    .filter(n -> n instanceof ListCell<?> c && "Active".equals(c.getText()))
                    .findFirst().orElseThrow()));
            waitUntil(() -> present("#chip-active"));
            shot("learners-filter-chips-" + theme);
            windowSize(1024, 700);
            shot("learners-filter-bar-1024-" + theme);

            clickOn("#chip-countries");
            waitUntil(() -> !present("#chip-countries") && find("#countryPicker", Button.class)
                    .getText().equals("Countries"));
            clickOn("#clearFilters");
            waitUntil(() -> !shows("#filterChips") && table.isVisible() && table.getItems().size() == 10_000);
        }
    }

    /** The list after a search for a surname, and after a jump to its end, in both themes. */
    @Test
    void screenshotsOfASearchAndAJumpToTheEndInBothThemes() {
        TableView<LearnerRow> table = openBigCourse();
        for (String theme : List.of("light", "dark")) {
            if (theme.equals("dark")) {
                clickOn("#themeToggle");
            }
            windowSize(1280, 800);
            clickOn(table.lookup(".table-row-cell"));
            press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
            filledWithinBar(table, "Ctrl+End");
            sleep(500);
            shot("learners-jump-end-" + theme);
            // A surname alone, as people search: any word's start, in any case and without its accents.
            fill("#search", "chen");
            waitUntil(() -> table.isVisible() && table.getItems().size() < 10_000 && !table.getItems().isEmpty()
                    && !table.getItems().getFirst().isMore());
            assertThat(onFx(() -> table.getItems().stream().filter(r -> !r.isMore() && r.learner().name() != null)
                    .limit(40).map(r -> r.learner().name()).toList()))
                    .as("every learner found has a word starting Chen")
                    .isNotEmpty().allMatch(n -> Arrays.stream(n.split("[^\\p{L}]+"))
                            .anyMatch(w -> w.toLowerCase(Locale.ROOT).startsWith("chen")));
            clickOn(onFx(() -> table.lookupAll(".table-row-cell").stream()
                    .filter(n -> n instanceof TableRow<?> r && r.getIndex() == 1).findFirst().orElseThrow()));
            waitUntil(() -> find("#learnerDetail", Node.class).lookup(".scroll-pane").isVisible());
            sleep(300);
            shot("learners-search-" + theme);
            press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            waitUntil(() -> table.isVisible() && table.getItems().size() == 10_000);
        }
    }

    /**
     * R14: "Export roster" on the Learners screen exports what the list shows. With a search, a filter and the name
     * order on, its tooltip and the export form say how many learners of this view it holds; the export is logged
     * naming the view (R12); and the file, opened offline, shows the same learners in the same order and says which
     * view they are.
     */
    @Test
    void r14ExportFromTheLearnersScreenExportsTheViewAndTheFileShowsItInOrder(@TempDir Path out) {
        TableView<LearnerRow> table = openBigCourse();
        clickOn("#columnChooser");
        clickOn("#show-email");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        fill("#search", "chen");
        clickOn("#activeFilter");
        clickOn(onFx(() -> lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && "Active".equals(c.getText()))
                .findFirst().orElseThrow()));
        interact(() -> {
            var name = table.getColumns().stream().filter(c -> c.getUserData() == LearnerSort.NAME).findFirst()
                    .orElseThrow();
            name.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(name));
        });
        waitUntil(() -> present("#chip-active") && table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().size() < 10_000 && !table.getItems().getFirst().isMore()
                && find("#exportFromLearners", Button.class).getTooltip().getText()
                .contains("of this view"));
        int listed = onFx(() -> table.getItems().size());
        List<String> expected = usernamesOf(LearnerQuery.firstPage().withSearch("chen")
                .withFilters(new LearnerQuery.Filters(null, true, null, List.of(), null, null, null, null, null))
                .withSort(LearnerSort.NAME, true));
        assertThat(expected).hasSize(listed);
        var tooltip = find("#exportFromLearners", Button.class).getTooltip();
        assertThat(tooltip.getText())
                .startsWith(String.format(Locale.ENGLISH, "Exports the %,d learners of this view", listed));
        moveTo("#exportFromLearners");
        waitUntil(tooltip::isShowing);
        shotWithPopups("learners-export-tooltip");

        clickOn("#exportFromLearners");

        waitUntil(() -> shows("#exportsView") && shows("#exportFromLearners"));
        var note = find("#exportFromLearners", atlantafx.base.controls.Message.class);
        assertThat(onFx(note::getDescription)).startsWith(String.format(Locale.ENGLISH,
                "From the Learners screen: the %,d learners of this view of Introduction to Computer Science", listed))
                .endsWith("Search \u201cchen\u201d \u00b7 Active \u00b7 Sorted by name, descending");
        assertThat(find("#field-email", CheckBox.class).isSelected()).as("hidden there").isFalse();
        assertThat(find("#field-name", CheckBox.class).isSelected()).isTrue();
        shot("learners-export-view");

        fill("#exportPassphrase", "quiet river lantern 42");
        fill("#exportPassphraseAgain", "quiet river lantern 42");
        Path file = out.resolve("cs101-chen.iqroster");
        fill("#exportTarget", file.toString());
        clickOn("#runExport");
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> shows("#exportDone")));
        } catch (TimeoutException e) {
            throw new AssertionError("the export did not finish in 2 minutes", e);
        }
        assertThat(lastExport()).isEqualTo("VIEW q=chen&active=true&sort=-name");

        clickOn("#openRosterFromShell");
        waitUntil(() -> shows("#rosterFile"));
        fill("#rosterFile", file.toString());
        fill("#rosterPassphrase", "quiet river lantern 42");
        clickOn("#openRoster");
        @SuppressWarnings("unchecked")
        TableView<Integer> offline = find("#offlineTable", TableView.class);
        waitUntil(() -> offline.isVisible() && offline.getItems().size() == listed);
        assertThat(onFx(() -> IntStream.range(0, listed)
                .mapToObj(i -> String.valueOf(offline.getColumns().get(1).getCellData(i))).toList()))
                .as("the file's rows, in the view's order").isEqualTo(expected);
        assertThat(onFx(() -> find("#offlineView", atlantafx.base.controls.Message.class).getDescription()))
                .contains("are a view of the Learners screen")
                .endsWith("Search \u201cchen\u201d \u00b7 Active \u00b7 Sorted by name, descending.");
        shot("offline-roster-of-a-view");
    }

    /** The usernames of every page of the big course's list for {@code query}, asked over HTTP as the console does. */
    private static List<String> usernamesOf(LearnerQuery query) {
        PlatformClient client = PlatformConnector.overHttp().connect(platform.baseUri());
        client.signIn("nb-admin", PASSWORD, null);
        try {
            List<String> names = new ArrayList<>();
            var page = client.learners().page(BIG_COURSE, query.withLimit(LearnerQuery.MAX_LIMIT));
            page.items().forEach(r -> names.add(r.username()));
            while (page.nextCursor() != null) {
                page = client.learners().page(BIG_COURSE, query.withLimit(LearnerQuery.MAX_LIMIT)
                        .withCursor(page.nextCursor()));
                page.items().forEach(r -> names.add(r.username()));
            }
            return names;
        } finally {
            client.signOut();
        }
    }

    private static long accessLogCount(String action) {
        return new Jdbc(platform.database().dataSource()).queryOne(
                "SELECT COUNT(*) FROM access_log WHERE action = ? AND actor_username = 'nb-admin'",
                rs -> rs.getLong(1), action).orElseThrow();
    }

    /** The object of nb-admin's last roster export in the access log: "VIEW q=..." or "COURSE ...". */
    private static String lastExport() {
        return new Jdbc(platform.database().dataSource()).queryOne(
                "SELECT object_type || ' ' || object_id FROM access_log WHERE action = 'ROSTER_EXPORT' "
                + "AND actor_username = 'nb-admin' ORDER BY id DESC LIMIT 1", rs -> rs.getString(1)).orElseThrow();
    }

    /**
     * At 1,024 by 700 the toolbar's search says what it searches, and the detail's keys ("Email for this course")
     * read whole beside a long address.
     */
    @Test
    void atTheSmallestWindowTheSearchPromptAndTheDetailsKeysReadWhole() {
        TableView<LearnerRow> table = openBigCourse();
        windowSize(1024, 700);
        var search = find("#search", atlantafx.base.controls.CustomTextField.class);
        double room = onFx(() -> search.getWidth() - search.getPadding().getLeft() - search.getPadding().getRight()
                - search.getLeft().getLayoutBounds().getWidth() - search.getRight().getLayoutBounds().getWidth());
        assertThat(onFx(() -> textWidth(search.getPromptText(), search.getFont()))).as("the prompt fits the field")
                .isLessThanOrEqualTo(room);
        int withEmail = onFx(() -> IntStream.range(0, 10).filter(i -> !table.getItems().get(i)
                .isMore() && table.getItems().get(i).learner().email() != null).findFirst().orElseThrow());
        clickOn(onFx(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == withEmail).findFirst().orElseThrow()));
        waitUntil(() -> present("#copyDetailEmail"));
        sleep(300);
        var key = onFx(() -> find("#learnerDetail", Node.class).lookupAll(".label").stream()
                .map(n -> (Label) n).filter(l -> "Email for this course".equals(l.getText()))
                .findFirst().orElseThrow());
        assertThat(onFx(() -> key.lookup(".text") instanceof Text t ? t.getText() : ""))
                .as("not cut with an ellipsis").isEqualTo("Email for this course");
        scrollIntoView(key);
        shot("learners-1024-detail");
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private List<String> countriesListed() {
        return onFx(() -> ((ListView<?>) lookup("#countryList").query()).getItems().stream()
                .map(Object::toString).toList());
    }

    private void windowSize(double width, double height) {
        interact(() -> {
            var stage = console.stage();
            stage.setWidth(width + stage.getWidth() - stage.getScene().getWidth());
            stage.setHeight(height + stage.getHeight() - stage.getScene().getHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);
    }

    private static long learnerViews() {
        return new Jdbc(platform.database().dataSource()).queryOne(
                "SELECT COUNT(*) FROM access_log WHERE action = 'LEARNER_VIEW' AND actor_username = 'nb-admin'",
                rs -> rs.getLong(1)).orElseThrow();
    }

    private static String lastViewed() {
        return new Jdbc(platform.database().dataSource()).queryOne(
                "SELECT object_id FROM access_log WHERE action = 'LEARNER_VIEW' AND actor_username = 'nb-admin' "
                        + "ORDER BY seq DESC LIMIT 1", rs -> rs.getString(1)).orElseThrow();
    }

    /** A search that narrows the list, then cleared: the whole course again, fetched afresh from its first page. */
    private void narrowAndWiden(TableView<LearnerRow> table) {
        fill("#search", "zz");
        waitUntil(() -> !table.isVisible() || table.getItems().size() < 10_000);
        interact(() -> find("#search", TextField.class).clear());
        waitUntil(() -> table.isVisible() && table.getItems().size() == 10_000 && !table.getItems().getFirst().isMore()
                && table.getItems().getLast().isMore());
    }

    /** Signs in as the Member administrator and opens CS101's 10,000 learners. */
    private TableView<LearnerRow> openBigCourse() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> present("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> table = find("#learnerTable", TableView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#coursePicker", ComboBox.class);
        waitUntil(() -> !picker.getItems().isEmpty());
        interact(() -> picker.setValue(picker.getItems().stream().filter(c -> c.id().equals(BIG_COURSE))
                .findFirst().orElseThrow()));
        waitUntil(() -> table.isVisible() && table.getItems().size() == 10_000
                && !table.getItems().getFirst().isMore());
        return table;
    }

    /**
     * Waits until no row on screen is a "loading" row and returns how long that took; fails when it takes longer than
     * the bar, naming the rows still loading.
     */
    private long filledWithinBar(TableView<LearnerRow> table, String after) {
        long start = System.nanoTime();
        try {
            WaitForAsyncUtils.waitFor(FILL_BAR_MS, TimeUnit.MILLISECONDS,
                    () -> onFx(() -> loadingOnScreen(table).isEmpty() && !visibleRows(table).isEmpty()));
        } catch (TimeoutException e) {
            throw new AssertionError("after " + after + " these rows on screen were still loading after "
                    + FILL_BAR_MS + " ms: " + onFx(() -> loadingOnScreen(table)));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> loadingOnScreen(table))).as("rows loading after " + after).isEmpty();
        return millis;
    }

    /** The rows drawn inside the table's viewport. */
    private static List<TableRow<?>> visibleRows(TableView<LearnerRow> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        Bounds view = flow.localToScene(flow.getLayoutBounds());
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0
                    && row.getIndex() < table.getItems().size()) {
                Bounds b = row.localToScene(row.getLayoutBounds());
                if (b.getMaxY() > view.getMinY() + 1 && b.getMinY() < view.getMaxY() - 1) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Course row numbers of the rows on screen still showing "loading". */
    private static List<Integer> loadingOnScreen(TableView<LearnerRow> table) {
        var window = ((RowWindow) table.getItems());
        return visibleRows(table).stream().filter(r -> table.getItems().get(r.getIndex()).isMore())
                .map(r -> window.base() + r.getIndex()).sorted().toList();
    }

    private int firstRowShown(TableView<LearnerRow> table) {
        return onFx(() -> {
            var window = ((RowWindow) table.getItems());
            return window.base() + visibleRows(table).stream().mapToInt(TableRow::getIndex).min().orElse(-1);
        });
    }

    private int lastRowShown(TableView<LearnerRow> table) {
        return onFx(() -> {
            var window = ((RowWindow) table.getItems());
            return window.base() + visibleRows(table).stream().mapToInt(TableRow::getIndex).max().orElse(-1);
        });
    }

    /** Drags the course scroll bar's thumb with the mouse to {@code fraction} of its track. */
    private void dragThumbTo(double fraction) {
        ScrollBar bar = find("#learnerScrollBar", ScrollBar.class);
        Node thumb = onFx(() -> bar.lookup(".thumb"));
        Node track = onFx(() -> bar.lookup(".track"));
        Bounds t = onFx(() -> track.localToScreen(track.getLayoutBounds()));
        Bounds th = onFx(() -> thumb.localToScreen(thumb.getLayoutBounds()));
        double targetY = t.getMinY() + th.getHeight() / 2 + fraction * (t.getHeight() - th.getHeight());
        drag(new Point2D(th.getCenterX(), th.getCenterY()), MouseButton.PRIMARY);
        moveTo(new Point2D(th.getCenterX(), (th.getCenterY() + targetY) / 2));
        moveTo(new Point2D(th.getCenterX(), targetY));
        drop();
        WaitForAsyncUtils.waitForFxEvents();
        double value = onFx(() -> (bar.getValue() - bar.getMin()) / (bar.getMax() - bar.getMin()));
        assertThat(value).as("the thumb moved where it was dragged").isCloseTo(fraction,
                Offset.offset(0.05));
    }
}
