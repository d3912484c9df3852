package org.iqracity.console.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    @Test
    void columnsAreTypedByTheRosterFieldAndUnknownOnesStayText() {
        assertThat(RosterXlsx.type("progress")).isEqualTo(XlsxWriter.Type.PERCENT);
        assertThat(RosterXlsx.type("enrolled_at")).isEqualTo(XlsxWriter.Type.DATE_TIME);
        assertThat(RosterXlsx.type("year_of_birth")).isEqualTo(XlsxWriter.Type.NUMBER);
        assertThat(RosterXlsx.type("username")).isEqualTo(XlsxWriter.Type.TEXT);
        assertThat(RosterXlsx.type("a_field_of_a_newer_format")).isEqualTo(XlsxWriter.Type.TEXT);
    }
}
