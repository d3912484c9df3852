package org.iqracity.console.ui.sponsors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.documents.PdfText;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.SponsorDisclosure;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.sponsors.SponsorReportsViewModel.ExportFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * R7 on what the console writes: a real platform, the real client, the screen's exports read back from disk. The
 * spreadsheet's header is exactly the sponsor's columns, and nothing a sponsor may not receive is in any cell or
 * anywhere in the PDF's text: not these learners' email addresses, usernames, grades or other courses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SponsorReportExportTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final List<String> COLUMNS = List.of("Learner", "Status", "Enrolled", "Last activity",
            "Active days", "Progress", "Completed", "Passed", "Certificate");

    private PlatformFixture platform;
    private SponsorReportsViewModel vm;
    private SponsorReportDto report;
    private Set<String> forbidden;

    @BeforeAll
    void openTheReport() {
        platform = PlatformFixture.h2();
        PlatformClient client = PlatformConnector.overHttp().connect(platform.platform().baseUri());
        client.signIn("nb-admin", "sandbox-password", null);
        AppState app = new AppState();
        app.signedIn(new Session(client, client.me()));
        vm = new SponsorReportsViewModel(app, client.sponsors(), new InlineTaskRunner(), Messages.english(),
                ZoneId.of("UTC"));
        vm.load();
        SponsorSummaryDto sponsor = vm.sponsors().stream()
                .filter(s -> s.courses().stream().anyMatch(c -> c.courseId().equals(CS101))).findFirst().orElseThrow();
        vm.select(sponsor, sponsor.courses().stream().filter(c -> c.courseId().equals(CS101)).findFirst()
                .orElseThrow());
        report = vm.reportProperty().get();
        assertThat(report.rows()).isNotEmpty();
        forbidden = SponsorDisclosure.forbiddenValues(platform.jdbc(), sponsor.sponsorId(), CS101);
    }

    @Test
    void r7XlsxHoldsExactlyTheSponsorsColumnsTypedAndNoOtherDataOfTheseLearners(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("report.xlsx");
        vm.exportCurrent(file, ExportFormat.XLSX);
        assertThat(vm.noticeProperty().get().ok()).isTrue();

        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet table = book.getSheetAt(0);
            Row header = table.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(COLUMNS);
            assertThat(table.getLastRowNum()).isEqualTo(report.rows().size());
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int r = 1; r <= table.getLastRowNum(); r++) {
                Row row = table.getRow(r);
                assertThat(row.getLastCellNum()).as("cells in row %d", r).isLessThanOrEqualTo((short) COLUMNS.size());
                row.forEach(c -> cells.add(formatter.formatCellValue(c)));
                SponsorReportRowDto expected = report.rows().get(r - 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(
                        expected.learnerName() == null ? "Retired account" : expected.learnerName());
                assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(expected.progress());
            }
            List<String> about = new ArrayList<>();
            book.getSheetAt(1).forEach(row -> row.forEach(c -> about.add(c.getStringCellValue())));
            assertThat(about).contains("Not released — preview", report.courseTitle() + " (" + CS101 + ")");
            assertThat(String.join(" ", about)).contains(report.sponsorName(), "never receive email addresses");
        }
        String all = String.join("\n", cells);
        for (String value : forbidden) {
            assertThat(all).as("a value outside R7").doesNotContain(value);
        }
        // no email address (a learner may write "@" in front of their name, as the sandbox's few do)
        assertThat(all).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    }

    @Test
    void r7PdfShowsTheReportAsOnScreenMarkedAsAPreviewAndNothingOutsideR7(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.pdf");
        vm.exportCurrent(file);
        assertThat(vm.noticeProperty().get().ok()).isTrue();

        String poppler = PdfText.readBack(file);
        for (String text : List.of(poppler, PdfText.text(file))) {
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("Sponsor report", report.sponsorName(), "Not released — preview",
                    "Learner", "Status", "Certificate", "page 1 of");
            for (SponsorReportRowDto row : report.rows()) {
                if (row.learnerName() != null) {
                    // a long name wraps in its column, its lines between those of the next column: word by word
                    for (String word : row.learnerName().split("\\s+")) {
                        assertThat(flat).as(row.learnerName()).contains(word);
                    }
                }
            }
            String compact = text.replaceAll("\\s+", "");
            for (String value : forbidden) {
                assertThat(compact).as("a value outside R7").doesNotContain(value.replaceAll("\\s+", ""));
            }
            // the withheld note names what is withheld; outside it, no such column may be headed
            String rest = flat.replace(new Messages(Locale.ENGLISH).get("sponsors.withheld"), "")
                    .toLowerCase(Locale.ROOT);
            assertThat(rest).contains("sponsor report").doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+")
                    .doesNotContain(SponsorDisclosure.FOREIGN_WORDS.toArray(String[]::new));
        }
        assertThat(PdfText.fontsNotEmbedded(file)).isEmpty();
    }
}
