package org.iqracity.console.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
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
            // an empty value holds nothing: no cell, or a blank one, reads the same in a spreadsheet
            assertThat(untyped.getCell(2, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)).isNull();
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

    /** What learners type reaches the cell as typed: markup characters, emoji, right-to-left text, controls. */
    static final List<String> AWKWARD = List.of("Tom & Jerry <admin> \"quoted\" 'single'", "emoji 😀👩🏽‍💻 end",
            "مريم الحداد", "שָׁלוֹם", "  padded both  ", "tab\tnew\nline\r\nwindows", "bell\u0007 and\u0001",
            "literal _x0041_ and _x", "a]]>b", "ends with emoji 🎓");

    @Test
    void awkwardTextReadsBackExactlyAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("awkward.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", List.of(new Column("text", Type.TEXT), new Column("n",
                Type.NUMBER)))) {
            for (String text : AWKWARD) {
                xlsx.row(text, text);
            }
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < AWKWARD.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).as("row %d", i + 1)
                        .isEqualTo(AWKWARD.get(i));
                assertThat(sheet.getRow(i + 1).getCell(1).getStringCellValue()).isEqualTo(AWKWARD.get(i));
            }
        }
    }

    @Test
    void aLoneSurrogateCannotBreakTheXml(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("surrogate.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("S", List.of(new Column("text", Type.TEXT)))) {
            xlsx.row("half \uD83D pair");
            xlsx.row("after");
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("half ")
                    .endsWith(" pair");
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("after");
        }
    }

    @Test
    void textCutAtTheCellLimitNeverSplitsAnEmoji(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.xlsx");
        // the 32,766th and 32,767th characters are one emoji: it goes whole, the ellipsis takes its place
        String text = "y".repeat(32_765) + "😀" + "z".repeat(10);
        try (XlsxWriter xlsx = new XlsxWriter("S", List.of(new Column("text", Type.TEXT)))) {
            xlsx.row(text);
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            String read = book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
            assertThat(read).hasSizeLessThanOrEqualTo(32_767).startsWith("y".repeat(32_765)).endsWith("…");
            assertThat(read.chars().filter(c -> Character.isSurrogate((char) c))).isEmpty();
        }
    }

    /** Repeated values are shared, unique ones inline; past the point where a column stops sharing, both still read. */
    @Test
    void repeatedAndUniqueValuesBothReadBackOverManyRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.xlsx");
        int rows = 6_000;
        try (XlsxWriter xlsx = new XlsxWriter("S", List.of(new Column("course", Type.TEXT),
                new Column("id", Type.TEXT), new Column("flag", Type.TEXT), new Column("half", Type.TEXT)))) {
            for (int i = 0; i < rows; i++) {
                xlsx.row("course-v1:X+" + (i / 1000), "id-" + i, i % 3 == 0 ? "true" : "false",
                        i % 2 == 0 ? "even " + i : "odd");
            }
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < rows; i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("course-v1:X+" + (i / 1000));
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("id-" + i);
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(i % 3 == 0 ? "true" : "false");
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(i % 2 == 0 ? "even " + i : "odd");
            }
        }
    }

    @Test
    void datesAndTimesBecomeSpreadsheetSerialsIncludingFractionsAndTheEarlyYears(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("dates.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("S", List.of(new Column("at", Type.DATE_TIME),
                new Column("on", Type.DATE)))) {
            xlsx.row("2026-02-03T04:05:06.789Z", "1900-02-28");
            xlsx.row("2026-02-03T23:59:59.9995Z", "1900-03-01");
            xlsx.row("1899-12-31T00:00:00Z", "9999-12-31");
            xlsx.row("2026-02-30T00:00:00Z", "2026-01-01T22:00:00-05:00");
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6, 789_000_000));
            // Excel's day numbers, its imaginary 29 February 1900 included
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(59.0);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(61.0);
            assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isCloseTo(46056.99999999, within(1e-8));
            // before 1900 a spreadsheet has no date: the text stays
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1899-12-31T00:00:00Z");
            assertThat(sheet.getRow(3).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("9999-12-31");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2026-02-30T00:00:00Z");
            // an offset time is taken in UTC, so this one is on the next day
            assertThat(sheet.getRow(4).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-01-02");
        }
    }

    @Test
    void numbersWrittenAsTextKeepTheirValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("numbers.xlsx");
        List<String> texts = List.of("0.375", "-12", "007", "0", "0.5", "-0.25", "1e3", "1234567890123456789",
                "0.1234567890123456",
                "-0.0", "1.", ".5", "NaN", "Infinity", "0x10", "1d");
        try (XlsxWriter xlsx = new XlsxWriter("S", List.of(new Column("n", Type.PERCENT)))) {
            texts.forEach(xlsx::row);
            xlsx.save(file);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < texts.size(); i++) {
                Cell cell = sheet.getRow(i + 1).getCell(0);
                String text = texts.get(i);
                if (List.of("NaN", "Infinity", "0x10", "1d").contains(text)) {
                    assertThat(cell.getStringCellValue()).isEqualTo(text);
                } else {
                    assertThat(cell.getCellType()).as(text).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).as(text).isEqualTo(Double.parseDouble(text));
                }
            }
        }
    }

    @Test
    void closingWithoutSavingLeavesNoScratchFile(@TempDir Path dir) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (XlsxWriter xlsx = new XlsxWriter("S", COLUMNS, 100, scratch)) {
            for (int i = 0; i < 5_000; i++) {
                xlsx.row("learner " + i, i, null, null);
            }
            assertThat(scratch).isNotEmptyDirectory();
        }
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void aFailureWhileWritingReachesTheCallerAndLeavesNoFile(@TempDir Path dir) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path file = dir.resolve("failed.xlsx");
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for this value");
            }
        };
        try (XlsxWriter xlsx = new XlsxWriter("S", COLUMNS, 100, scratch)) {
            xlsx.row("fine", 1, null, null);
            xlsx.row(unprintable, 2, null, null);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    xlsx.row("more " + i);
                }
                xlsx.save(file);
            }).isInstanceOf(IllegalStateException.class).hasMessage("no text for this value");
        }
        assertThat(file).doesNotExist();
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void anInterruptedCallerIsCancelledAndTheScratchFileStillGoes(@TempDir Path dir) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (XlsxWriter xlsx = new XlsxWriter("S", COLUMNS, 100, scratch)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    xlsx.row("learner " + i);
                }
            }).isInstanceOf(CancellationException.class);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        assertThat(scratch).isEmptyDirectory();
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

    /** LibreOffice reads the awkward text as written: it saves its own copy, and that copy holds the same text. */
    @Test
    void libreOfficeReadsAwkwardTextAsWritten(@TempDir Path dir) throws Exception {
        String soffice = Stream.of("soffice", "libreoffice").filter(XlsxWriterTest::onPath).findFirst().orElse(null);
        assumeTrue(soffice != null, "LibreOffice is not installed; POI read-back covers the format");
        Path file = dir.resolve("awkward.xlsx");
        try (XlsxWriter xlsx = new XlsxWriter("Roster", List.of(new Column("text", Type.TEXT)))) {
            // twice: the first time inline, the second from the shared strings
            AWKWARD.forEach(xlsx::row);
            AWKWARD.forEach(xlsx::row);
            xlsx.save(file);
        }
        Path out = dir.resolve("lo");
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", out.toString(), file.toString())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
        try (XSSFWorkbook book = new XSSFWorkbook(out.resolve("awkward.xlsx").toFile())) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i < 2 * AWKWARD.size(); i++) {
                String expected = AWKWARD.get(i % AWKWARD.size());
                // a cell keeps a line break as a line feed: CR LF comes back as LF
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue().replace("\r\n", "\n"))
                        .as("row %d", i + 1).isEqualTo(expected.replace("\r\n", "\n"));
            }
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
