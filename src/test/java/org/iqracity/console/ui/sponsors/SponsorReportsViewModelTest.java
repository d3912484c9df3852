package org.iqracity.console.ui.sponsors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.sponsors.SponsorReportsViewModel.ReportState;
import org.iqracity.console.ui.sponsors.SponsorReportsViewModel.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SponsorReportsViewModelTest {

    private static final String COURSE = "course-v1:NB+CS101+2026";
    private static final SponsorSummaryDto ACME = new SponsorSummaryDto("sp-acme", "Acme Logistics", "EMPLOYER",
            List.of(new SponsorSummaryDto.CourseCount(COURSE, "Intro to computing", 2)));

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private SponsorReportsViewModel vm;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.MEMBER_ADMIN);
        platform.sponsors = List.of(ACME);
        platform.sponsorReports = course -> new SponsorReportDto("sp-acme", "Acme Logistics", "EMPLOYER", course,
                "Intro to computing", List.of(row("Ada Lovelace"), row(null)));
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        vm = new SponsorReportsViewModel(app, platform.sponsors(), tasks, Messages.english());
    }

    private static SponsorReportRowDto row(String name) {
        return new SponsorReportRowDto(name, COURSE, "ENROLLED", Instant.parse("2026-01-02T00:00:00Z"), null, 4, 0.5,
                false, false, false);
    }

    private void openAcme() {
        vm.load();
        vm.select(ACME, ACME.courses().getFirst());
    }

    @Test
    void loadListsSponsorsAndNothingIsOpenYet() {
        vm.load();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.sponsors()).containsExactly(ACME);
        assertThat(vm.reportStateProperty().get()).isEqualTo(ReportState.NONE);
    }

    @Test
    void noSponsorsIsEmpty() {
        platform.sponsors = List.of();

        vm.load();

        assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
    }

    @Test
    void selectingACourseShowsItsReportAndTheSponsorsHistory() {
        openAcme();

        assertThat(vm.reportStateProperty().get()).isEqualTo(ReportState.READY);
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.releases()).isEmpty();
    }

    @Test
    void confirmationSaysWhatGoesToWhom() {
        openAcme();

        String text = vm.confirmationText(vm.prepareRelease());

        assertThat(text).startsWith("Acme Logistics (Employer) will receive this report for Intro to computing: "
                + "2 sponsored learners").contains("Nothing else.");
    }

    @Test
    void confirmReleasesOnceAndShowsItInTheHistory() {
        openAcme();
        ReleaseIntent intent = vm.prepareRelease();

        vm.confirmRelease();
        vm.confirmRelease();

        assertThat(platform.releaseKeys).containsExactly(intent.idempotencyKey());
        assertThat(vm.releases()).hasSize(1);
        assertThat(vm.noticeProperty().get().ok()).isTrue();
    }

    @Test
    void aRetryAfterAFailureReusesTheKeySoTheReportIsReleasedOnce() {
        openAcme();
        ReleaseIntent intent = vm.prepareRelease();
        platform.failNext = new PlatformUnreachableException("answer lost", null);

        vm.confirmRelease();
        assertThat(vm.noticeProperty().get().canRetry()).isTrue();
        assertThat(vm.prepareRelease().idempotencyKey()).isEqualTo(intent.idempotencyKey());
        vm.confirmRelease();

        assertThat(platform.releaseKeys).containsExactly(intent.idempotencyKey(), intent.idempotencyKey());
        assertThat(vm.releases()).hasSize(1);
        assertThat(vm.noticeProperty().get().ok()).isTrue();
    }

    @Test
    void aNewDecisionAfterASuccessfulReleaseGetsANewKey() {
        openAcme();
        String first = vm.prepareRelease().idempotencyKey();
        vm.confirmRelease();

        String second = vm.prepareRelease().idempotencyKey();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void reportFailureIsAnErrorStateWithRetry() {
        vm.load();
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.select(ACME, ACME.courses().getFirst());

        assertThat(vm.reportStateProperty().get()).isEqualTo(ReportState.ERROR);
        assertThat(vm.prepareRelease()).isNull();
        vm.loadReport();
        assertThat(vm.reportStateProperty().get()).isEqualTo(ReportState.READY);
    }

    @Test
    void exportCurrentWritesOnlyTheSponsorColumns(@TempDir Path dir) throws Exception {
        openAcme();
        Path target = dir.resolve("preview.csv");

        vm.exportCurrent(target);

        List<String> lines = Files.readAllLines(target);
        assertThat(lines.getFirst()).isEqualTo("learner_name,course_id,enrollment_status,"
                + "enrolled_at,last_activity_at,active_days,progress,completed,passed,certificate");
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines)).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
        assertThat(vm.noticeProperty().get().ok()).isTrue();
    }

    @Test
    void exportReleaseWritesTheSnapshotFromThePlatform(@TempDir Path dir) throws Exception {
        openAcme();
        vm.prepareRelease();
        vm.confirmRelease();
        platform.releaseCsv = "learner_name\r\nAda Lovelace\r\n";
        Path target = dir.resolve("release.csv");

        vm.exportRelease(vm.releases().getFirst(), target);

        assertThat(Files.readString(target)).isEqualTo("learner_name\r\nAda Lovelace\r\n");
    }

    @Test
    void exportReleaseToAPdfFileSavesThePlatformsPdfOfTheSnapshot(@TempDir Path dir) throws Exception {
        openAcme();
        vm.prepareRelease();
        vm.confirmRelease();
        platform.releasePdf = "%PDF-1.7 from the platform".getBytes(StandardCharsets.US_ASCII);
        Path target = dir.resolve("release.pdf");

        vm.exportRelease(vm.releases().getFirst(), target);

        assertThat(Files.readString(target)).isEqualTo("%PDF-1.7 from the platform");
        assertThat(vm.noticeProperty().get().ok()).isTrue();
    }

    @Test
    void theFileExtensionPicksTheFormatWhenNoneIsNamed() {
        assertThat(SponsorReportsViewModel.ExportFormat.of(Path.of("a/Report.XLSX")))
                .isEqualTo(SponsorReportsViewModel.ExportFormat.XLSX);
        assertThat(SponsorReportsViewModel.ExportFormat.of(Path.of("report.pdf")))
                .isEqualTo(SponsorReportsViewModel.ExportFormat.PDF);
        assertThat(SponsorReportsViewModel.ExportFormat.of(Path.of("report.txt")))
                .isEqualTo(SponsorReportsViewModel.ExportFormat.CSV);
    }

    @Test
    void aFailedExportSaysSoAndLeavesNoFile(@TempDir Path dir) {
        openAcme();
        Path target = dir.resolve("missing-folder").resolve("report.xlsx");

        vm.exportCurrent(target, SponsorReportsViewModel.ExportFormat.XLSX);

        assertThat(vm.noticeProperty().get().ok()).isFalse();
        assertThat(target).doesNotExist();
    }
}
