package org.iqracity.console.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.documents.XlsxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R14's conversion to a spreadsheet: every row of the roster, on as many sheets as it takes. */
class RosterXlsxTest {

    @Test
    void r14EveryRowOfAnOpenedRosterLandsInTheWorkbookContinuingOnFurtherSheets(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("roster.xlsx");
        RosterReader.Opened opened;
        long rows;
        // 600 rows, 250 a sheet with the header: sheets of 249, 249 and 102
        try (RosterXlsx sink = new RosterXlsx(250)) {
            opened = RosterReader.read(new ByteArrayInputStream(RosterFileTest.good()),
                    RosterReader.Key.passphrase(RosterFileTest.PASS), RosterFiles.PLATFORM.getPublic(),
                    RosterFileTest.NOW, sink);
            sink.save(target, opened.manifest());
            rows = sink.rowCount();
            assertThat(sink.sheetCount()).isEqualTo(3);
        }
        assertThat(rows).isEqualTo(600);

        List<List<String>> expected = new ArrayList<>();
        for (String course : RosterFileTest.COURSES) {
            expected.addAll(RosterFiles.rows(course, 300));
        }
        List<List<String>> read = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(target.toFile())) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("Roster", "Roster (2)", "Roster (3)", "About");
            for (int s = 0; s < 3; s++) {
                Sheet sheet = book.getSheetAt(s);
                List<String> header = new ArrayList<>();
                sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(header).isEqualTo(RosterFiles.FIELDS);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    assertThat(row.getCell(4).getCellType()).as("progress is a number").isEqualTo(CellType.NUMERIC);
                    read.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                            row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue(),
                            Double.toString(row.getCell(4).getNumericCellValue())));
                }
            }
            assertThat(text.formatCellValue(book.getSheetAt(0).getRow(2).getCell(4))).endsWith("%");
            List<String> about = new ArrayList<>();
            book.getSheet("About").forEach(row -> row.forEach(c -> about.add(c.getStringCellValue())));
            assertThat(about).contains("Northbridge University", "Nora Whitfield", "600", "All times are UTC.");
        }
        assertThat(read).isEqualTo(expected);
    }

    /**
     * LibreOffice opens a roster split over several sheets and finds every row, with numbers, percentages and times
     * as values it formats (a time left as text would come back as its ISO form), and learners' text unchanged.
     */
    @Test
    void libreOfficeReadsEveryRowOfAMultiSheetRosterWithTypedCells(@TempDir Path dir) throws Exception {
        String soffice = Stream.of("soffice", "libreoffice").filter(RosterXlsxTest::onPath).findFirst().orElse(null);
        assumeTrue(soffice != null, "LibreOffice is not installed; POI read-back covers the format");
        List<String> fields = Arrays.stream(RosterField.values()).map(RosterField::column).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(rosterRow(i));
        }
        Path target = dir.resolve("roster.xlsx");
        try (RosterXlsx sink = new RosterXlsx(4)) {
            sink.header(fields);
            rows.forEach(sink::row);
            sink.save(target, manifest(fields, rows.size()));
            assertThat(sink.sheetCount()).isEqualTo(4);
        }

        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                // UTF-8 (76), cells as shown (true: formats applied), every sheet to a file of its own (-1)
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
                + "false,-1", "--outdir", dir.resolve("lo").toString(), target.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();

        List<List<String>> read = new ArrayList<>();
        for (String sheet : List.of("Roster", "Roster (2)", "Roster (3)", "Roster (4)")) {
            Path csv = dir.resolve("lo").resolve("roster-" + sheet + ".csv");
            assertThat(csv).as(log).exists();
            CsvRecords records = new CsvRecords(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
            assertThat(records.next()).as("the header of %s", sheet).isEqualTo(fields);
            for (List<String> row = records.next(); row != null; row = records.next()) {
                read.add(row);
            }
        }
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> expected = new ArrayList<>(rows.get(i));
            // as LibreOffice shows typed cells: the workbook's formats, times in UTC
            expected.set(RosterField.ENROLLED_AT.ordinal(), "2026-01-1" + i % 10 + " 10:15:30");
            expected.set(RosterField.PROGRESS.ordinal(), (i * 10) + "%");
            expected.set(RosterField.GRADE.ordinal(), "50%");
            expected.set(RosterField.LAST_ACTIVITY_AT.ordinal(), i % 2 == 0 ? "" : "2026-03-04 05:06:07");
            assertThat(read.get(i)).as("row %d", i + 1).isEqualTo(expected);
        }
    }

    private static final List<String> NAMES = List.of("Zoë \"Z\" O'Brien, Jr.", "مريم الحداد", "Tom & Jerry <b>",
            "emoji 😀👩🏽‍💻 end", "literal _x0041_", "Łukasz Nguyễn Trần", "שָׁלוֹם");

    /** One roster row as the platform writes it; awkward names among them. */
    private static List<String> rosterRow(int i) {
        String name = NAMES.get(i % NAMES.size());
        return List.of("course-v1:Northbridge+CS10" + i / 4 + "+2026_T1", "lrn" + i, "user_" + i, name,
                "user" + i + "@example.org", "EG", i % 3 == 0 ? "Cairo" : "", "ar", i % 2 == 0 ? "1987" : "",
                "f", "b", "VERIFIED", "2026-01-1" + i % 10 + "T10:15:30Z", "true", Double.toString(i / 10.0), "0.5",
                "false", "false", i % 2 == 0 ? "" : "2026-03-04T05:06:07Z", Integer.toString(i), "false", "false");
    }

    private static RosterManifest manifest(List<String> fields, long rows) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new RosterManifest(1, "northbridge", "Northbridge University", "nb-admin", "Nora Whitfield", at,
                at.plusSeconds(86_400), fields, rows, "0".repeat(64), "key", List.of());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    @Test
    void columnsAreTypedByTheRosterFieldAndUnknownOnesStayText() {
        assertThat(RosterXlsx.type("progress")).isEqualTo(XlsxWriter.Type.PERCENT);
        assertThat(RosterXlsx.type("enrolled_at")).isEqualTo(XlsxWriter.Type.DATE_TIME);
        assertThat(RosterXlsx.type("year_of_birth")).isEqualTo(XlsxWriter.Type.NUMBER);
        assertThat(RosterXlsx.type("username")).isEqualTo(XlsxWriter.Type.TEXT);
        assertThat(RosterXlsx.type("a_field_of_a_newer_format")).isEqualTo(XlsxWriter.Type.TEXT);
    }
}
