package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A security officer reads and verifies the access log; a Member administrator releases a sponsor report. */
class AccessLogAndSponsorsJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(1500);

    @Test
    void securityOfficerFiltersTheAccessLogByActionReadsAnEntryWholeAndFindsTheChainIntact() {
        openAccessLogAs(OFFICER, OFFICER_TOTP);
        @SuppressWarnings("unchecked")
        TableView<AccessLogEntryDto> table = find("#accessLogTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());

        @SuppressWarnings("unchecked")
        ComboBox<String> action = find("#actionFilter", ComboBox.class);
        interact(() -> action.setValue("SIGN_IN"));
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.action().equals("SIGN_IN")));
        assertThat(onFx(() -> table.getItems().stream().anyMatch(e -> e.actor().equals("nb-security")))).isTrue();
        objectsReadByTheirNamesAndAnEntryOpensWholeOnEnter(table);

        clickOn("#verifyChain");
        waitUntil(() -> shows("#verdict"));
        Message verdict = find("#verdict", Message.class);
        assertThat(onFx(verdict::getTitle)).isEqualTo("The access log is intact");
        assertThat(onFx(verdict::getDescription)).startsWith("All ").contains("entries are intact");
    }

    /** Objects read as the officer knows them, and an entry too long for its cells opens whole on Enter. */
    private void objectsReadByTheirNamesAndAnEntryOpensWholeOnEnter(TableView<AccessLogEntryDto> table) {
        int mine = onFx(() -> table.getItems().indexOf(table.getItems().stream()
                .filter(e -> OFFICER.equals(e.actor()) && "SUCCESS".equals(e.outcome())).findFirst().orElseThrow()));
        AccessLogEntryDto entry = onFx(() -> table.getItems().get(mine));

        String drawn = onFx(() -> table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == mine && "Object".equals(c.getTableColumn().getText()))
                .map(TableCell::getText).findFirst().orElse(""));
        assertThat(drawn).isEqualTo("Staff " + OFFICER).doesNotContain(entry.objectId());

        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(mine);
        });
        type(KeyCode.ENTER);
        waitUntil(() -> shows("#accessLogEntryDetails"));
        assertThat(onFx(() -> find("#entryDetail5", TextField.class).getText())).as("the object's id")
                .isEqualTo(entry.objectId());
        shot("accesslog-entry-details");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !present("#accessLogEntryDetails"));
    }

    /**
     * R12 on screen: the console remembers the head the platform signed at the first check; someone with the
     * database's password deletes the newest entries and moves the head back, so what is left links up; the next
     * check on this computer says the log was cut back, from which entry, and when it was last seen whole.
     */
    @Test
    void r12AnAccessLogCutBackInTheDatabaseIsCalledTamperedAtTheNextCheck() {
        // the other officer: a second factor's code works once, and the first journey may have used this one's
        openAccessLogAs(SECOND_OFFICER, SECOND_OFFICER_TOTP);
        clickOn("#verifyChain");
        waitUntil(() -> shows("#verdict"));
        Message verdict = find("#verdict", Message.class);
        assertThat(onFx(verdict::getDescription)).contains("remembers where the log ends");

        Jdbc jdbc = new Jdbc(sandbox.platform().database().dataSource());
        long keep = jdbc.queryOne("SELECT MAX(seq) - 2 FROM access_log WHERE member_id = 'northbridge'",
                rs -> rs.getLong(1)).orElseThrow();
        try {
            jdbc.update("DELETE FROM access_log WHERE member_id = 'northbridge' AND seq > ?", keep);
            jdbc.update("UPDATE access_log_head SET seq = ?, hash = (SELECT hash FROM access_log WHERE member_id = "
                    + "'northbridge' AND seq = ?) WHERE member_id = 'northbridge'", keep, keep);
            interact(() -> find("#verdict", Message.class).getOnClose().handle(null));
            clickOn("#verifyChain");
            waitUntil(() -> shows("#verdict"));
            Message cut = find("#verdict", Message.class);
            assertThat(onFx(cut::getTitle)).isEqualTo("The access log has been tampered with");
            assertThat(onFx(cut::getDescription)).startsWith("Entries from #" + (keep + 1) + " on are not the ones "
                    + "checked on");
            shot("accesslog-cut-back");
        } finally {
            // the other journeys here start from a chain that nobody touched
            jdbc.update("DELETE FROM access_log WHERE member_id = 'northbridge'");
            jdbc.update("DELETE FROM access_log_head WHERE member_id = 'northbridge'");
        }
    }

    /**
     * R7 on screen: the report's columns are R7's list, no cell holds a sponsorship reference of the sandbox, and
     * retired accounts (R6) are nameless rows after the named learners.
     */
    @Test
    void r7TheReportOnScreenHasR7sColumnsOnlyAndRetiredAccountsLastWithoutAName() {
        List<String> references = new Jdbc(sandbox.platform().database().dataSource()).query("SELECT DISTINCT "
                + "sponsor_reference FROM enrollment WHERE sponsor_reference IS NOT NULL", rs -> rs.getString(1));
        assertThat(references).isNotEmpty();
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-sponsor_reports"));
        clickOn("#nav-sponsor_reports");
        waitUntil(() -> present("#sponsorTree"));
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = find("#sponsorTree", TreeView.class);
        waitUntil(() -> tree.isVisible() && !tree.getRoot().getChildren().isEmpty());
        long largest = onFx(() -> tree.getRoot().getChildren().stream().flatMap(s -> s.getChildren().stream())
                .mapToLong(c -> ((SponsorSummaryDto.CourseCount) c.getValue()).learners()).max().orElseThrow());
        interact(() -> tree.getSelectionModel().select(tree.getRoot().getChildren().stream()
                .flatMap(s -> s.getChildren().stream())
                .filter(c -> ((SponsorSummaryDto.CourseCount) c.getValue()).learners() == largest)
                .findFirst().orElseThrow()));

        @SuppressWarnings("unchecked")
        TableView<SponsorReportRowDto> report = find("#sponsorReportTable", TableView.class);
        waitUntil(() -> shows("#sponsorReportTable") && report.getItems().size() == largest);
        assertThat(onFx(() -> report.getColumns().stream().map(TableColumn::getText).toList())).containsExactly(
                "Learner", "Status", "Enrolled", "Last activity", "Active days", "Progress", "Completed", "Passed",
                "Certificate");
        List<String> learners = new ArrayList<>();
        String cells = onFx(() -> {
            StringBuilder all = new StringBuilder();
            for (int row = 0; row < report.getItems().size(); row++) {
                for (TableColumn<SponsorReportRowDto, ?> column : report.getColumns()) {
                    all.append(column.getCellData(row)).append('\n');
                }
                learners.add(String.valueOf(report.getColumns().getFirst().getCellData(row)));
            }
            return all.toString();
        });
        for (String reference : references) {
            assertThat(cells).doesNotContain(reference);
        }
        List<Boolean> retired = learners.stream().map("Retired account"::equals).toList();
        assertThat(retired).as("retired accounts after the named learners")
                .isEqualTo(retired.stream().sorted().toList());
        shot("sponsors-report-journey");
    }

    @Test
    void memberAdministratorReleasesASponsorReportAndSeesItInTheHistory() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-sponsor_reports"));

        clickOn("#nav-sponsor_reports");
        waitUntil(() -> present("#sponsorTree"));
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = find("#sponsorTree", TreeView.class);
        waitUntil(() -> tree.isVisible() && !tree.getRoot().getChildren().isEmpty());
        TreeItem<Object> course = onFx(() -> tree.getRoot().getChildren().getFirst().getChildren().getFirst());
        interact(() -> tree.getSelectionModel().select(course));

        @SuppressWarnings("unchecked")
        TableView<SponsorReportRowDto> report = find("#sponsorReportTable", TableView.class);
        waitUntil(() -> shows("#sponsorReportTable") && report.getParent().isVisible() && !report.getItems().isEmpty());
        assertThat(shows("#withheldNote")).isTrue();
        @SuppressWarnings("unchecked")
        TableView<SponsorReleaseDto> history = find("#releaseHistory", TableView.class);
        int before = onFx(() -> history.getItems().size());

        clickOn("#releaseReport");
        waitUntil(() -> shows("#confirmRelease"));
        clickOn("#confirmRelease");

        waitUntil(() -> history.getItems().size() == before + 1);
        assertThat(shows("#sponsorNotice")).isTrue();
        assertThat(onFx(() -> history.getItems().getFirst().rowCount())).isEqualTo(report.getItems().size());
        // the tree says so at once, and after a fresh list from the platform, which compares today's report with it
        waitUntil(() -> releaseMark(tree, course).startsWith("Released ")
                && !releaseMark(tree, course).contains("changed"));
        assertThat(shows("#exportReleaseHint")).as("why Export release is disabled").isTrue();
        assertThat(find("#exportRelease", MenuButton.class).isDisabled()).isTrue();
        interact(() -> history.getSelectionModel().selectFirst());
        assertThat(find("#exportRelease", MenuButton.class).isDisabled()).isFalse();
        assertThat(shows("#exportReleaseHint")).isFalse();
        shot("sponsors-released-marks");
    }

    /** The release line of a course's cell in the sponsor tree, as drawn. */
    private String releaseMark(TreeView<Object> tree, TreeItem<Object> course) {
        return onFx(() -> tree.lookupAll(".tree-cell").stream().map(n -> (TreeCell<?>) n)
                .filter(cell -> cell.getTreeItem() == course && cell.getGraphic() != null)
                .map(cell -> ((Label) cell.getGraphic().lookup("#releaseMark")).getText()).findFirst().orElse(""));
    }

    /** Signs an officer in with their second factor and opens the access log. */
    private void openAccessLogAs(String officer, String totpSecret) {
        signInWithCode(officer, totpSecret, "#nav-access_log");
        clickOn("#nav-access_log");
        waitUntil(() -> present("#accessLogTable"));
    }
}
