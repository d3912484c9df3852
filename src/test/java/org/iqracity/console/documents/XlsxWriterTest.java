package org.iqracity.console.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTest {
    private static final List<Column> COLUMNS = List.of(new Column("name", Type.TEXT, 30),
            new Column("progress", Type.NUMBER), new Column("enrolled_on", Type.DATE),
            new Column("last_activity_at", Type.DATE_TIME));

    @Test
    void headerIsBoldAndFrozenAndCellsKeepTheirTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typed.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", COLUMNS)) {
            xlsx.row("Łukasz Nguyễn Trần", 0.75, LocalDate.of(2026, 1, 12), Instant.parse("2026-02-03T04:05:06Z"));
            xlsx.row("=HYPERLINK(\"http://x\")", "42", "2026-03-01", "2026-03-02T10:00:00Z");
            xlsx.row("Zoë", "not a number", "someday", null);
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheet("Roster");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(((XSSFCellStyle) header.getCell(3).getCellStyle()).getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(30 * 256);

            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Łukasz Nguyễn Trần");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(0.75);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
            assertThat(first.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 1, 12, 0, 0));
            assertThat(first.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6));

            Row second = sheet.getRow(2);
            // text that looks like a formula stays text: a spreadsheet must not run what a learner typed
            assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(second.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-03-01");
            assertThat(second.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 0));

            Row third = sheet.getRow(3);
            assertThat(third.getCell(1).getStringCellValue()).isEqualTo("not a number");
            assertThat(third.getCell(2).getStringCellValue()).isEqualTo("someday");
            assertThat(third.getCell(3)).isNull();
            assertThat(new DataFormatter().formatCellValue(first.getCell(2))).isEqualTo("2026-01-12");
        }
    }

    @Test
    void plainTextAndNumberCellsHaveTheDefaultStyleAndTypedCellsTheirOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("styles.xlsx");
        List<Column> columns = List.of(new Column("name", Type.TEXT, 30), new Column("days", Type.NUMBER),
                new Column("grade", Type.PERCENT), new Column("enrolled_at", Type.DATE_TIME));
        try (XlsxWriter xlsx = new XlsxWriter("Roster", columns)) {
            xlsx.row("Amina Okafor", "12", "0.5", "2026-02-03T04:05:06Z");
            xlsx.row("Bruno Silva", "n/a", "", "someday");
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = book.getSheet("Roster");
            Row typed = sheet.getRow(1);
            assertThat(typed.getCell(0).getCellStyle().getIndex()).isZero();
            assertThat(typed.getCell(1).getCellStyle().getIndex()).isZero();
            assertThat(typed.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0%");
            assertThat(typed.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            Row untyped = sheet.getRow(2);
            assertThat(untyped.getCell(1).getStringCellValue()).isEqualTo("n/a");
            assertThat(untyped.getCell(1).getCellStyle().getIndex()).isZero();
            assertThat(untyped.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(untyped.getCell(3).getStringCellValue()).isEqualTo("someday");
            assertThat(untyped.getCell(3).getCellStyle().getIndex()).isZero();
        }
    }

    @Test
    void rowsBeyondTheSheetLimitContinueOnNumberedSheetsWithTheHeaderRepeated(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("continued.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", COLUMNS, 5)) {
            for (int i = 1; i <= 11; i++) {
                xlsx.row("learner " + i, i, null, null);
            }
            assertThat(xlsx.rowCount()).isEqualTo(11);
            assertThat(xlsx.sheetCount()).isEqualTo(3);
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("Roster", "Roster (2)", "Roster (3)");
            List<String> names = new ArrayList<>();
            for (Sheet sheet : book) {
                assertThat(sheet.getLastRowNum()).isLessThanOrEqualTo(4);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    names.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(names).hasSize(11).first().isEqualTo("learner 1");
            assertThat(names).last().isEqualTo("learner 11");
            assertThat(names).doesNotHaveDuplicates();
        }
    }

    /** At Excel's own limit: 1,048,575 rows fill the first sheet under its header, the next one goes on. */
    @Test
    void atTheRealLimitTheMillionthRowContinuesOnASecondSheet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("million.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", List.of(new Column("n", Type.NUMBER)))) {
            for (int i = 1; i <= 1_048_576; i++) {
                xlsx.row(i);
            }
            xlsx.save(file);
        }
        Map<String, Long> rows = XlsxRows.countPerSheet(file);
        assertThat(rows).containsExactly(Map.entry("Roster", 1_048_576L), Map.entry("Roster (2)", 2L));
    }

    @Test
    void exactlyFullSheetsOpenNoEmptyExtraSheet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("full.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", COLUMNS, 3)) {
            for (int i = 0; i < 4; i++) {
                xlsx.row("x" + i);
            }
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void continuationSheetNamesStayWithinExcelsLimitAndCharacters(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("names.xlsx");
        String longName = "course-v1:Northbridge+CS101+2026_T1 roster [all]";
        try (XlsxWriter xlsx = new XlsxWriter(longName, List.of(new Column("a", Type.TEXT)), 2)) {
            for (int i = 0; i < 12; i++) {
                xlsx.row("v" + i);
            }
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getNumberOfSheets()).isEqualTo(12);
            for (Sheet sheet : book) {
                assertThat(sheet.getSheetName()).hasSizeLessThanOrEqualTo(31).doesNotContain(":", "[", "]");
            }
            assertThat(book.getSheetName(11)).endsWith(" (12)");
        }
    }

    @Test
    void textLongerThanACellHoldsIsCutNotRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Long", List.of(new Column("a", Type.TEXT)))) {
            xlsx.row("y".repeat(40_000));
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Cell cell = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(cell.getStringCellValue()).hasSize(32_767).endsWith("…");
        }
    }

    @Test
    void savingReplacesTheTargetWholeLeavesNoTemporaryFileAndEndsTheWriter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.xlsx");
        Files.writeString(file, "old");
        try (XlsxWriter xlsx = new XlsxWriter("S", COLUMNS)) {
            xlsx.row("a");
            xlsx.save(file);
            assertThatThrownBy(() -> xlsx.row("b")).isInstanceOf(IllegalStateException.class);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("a");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesARowLimitExcelCannotOpen() {
        assertThatThrownBy(() -> new XlsxWriter("S", COLUMNS, 1_048_577))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XlsxWriter("S", COLUMNS, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void libreOfficeOpensTheWorkbook(@TempDir Path dir) throws Exception {
        String soffice = Stream.of("soffice", "libreoffice").filter(XlsxWriterTest::onPath).findFirst().orElse(null);
        assumeTrue(soffice != null, "LibreOffice is not installed; POI read-back covers the format");
        Path file = dir.resolve("lo.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", COLUMNS)) {
            xlsx.row("Łukasz Nguyễn Trần", 0.5, LocalDate.of(2026, 1, 12), null);
            xlsx.save(file);
        }
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=file://" + dir.resolve("profile"),
                // the CSV in UTF-8 (76), not the system's encoding, which may be ASCII and turn Ł into ?
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.toString(),
                file.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
        String csv = Files.readString(dir.resolve("lo.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("name,progress,enrolled_on,last_activity_at").contains("Łukasz Nguyễn Trần,0.5,");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
