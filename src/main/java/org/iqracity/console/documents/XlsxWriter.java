package org.iqracity.console.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one table into an .xlsx workbook, streaming: rows go to compressed scratch files as they come, so a
 * million rows cost little heap. Row one of every sheet is the bold, frozen header with a filter. A sheet holds at
 * most {@code rowsPerSheet} rows including its header (Excel's 1,048,576 unless told otherwise); further rows
 * continue on "name (2)", "name (3)"... with the header repeated, so no row is ever dropped.
 *
 * <p>Cells are typed by their column: numbers and dates are real numbers and dates a spreadsheet can sort and sum.
 * A text value given to a number or date column is parsed, and kept as text when it is not one. Times are written
 * in UTC. Not thread-safe; one writer makes one workbook.
 */
public final class XlsxWriter implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(XlsxWriter.class);

    /** Rows on an Excel sheet, header included. */
    public static final int MAX_ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows();
    /** Characters in one cell; Excel refuses more. */
    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MAX_SHEET_NAME = 31;
    /** Spreadsheet dates start in 1900; an earlier one stays text rather than showing as ####. */
    private static final int FIRST_YEAR = 1900;
    /** Rows kept in memory per sheet before they go to the scratch file. */
    private static final int WINDOW = 200;

    /** How a column's cells are typed; PERCENT is a number shown as a percentage (0.5 reads 50%). */
    public enum Type { TEXT, NUMBER, PERCENT, DATE, DATE_TIME }

    /** One column: its header, how its cells are typed, and its width in characters (0: from the header). */
    public record Column(String header, Type type, int widthChars) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(type, "type");
        }

        public Column(String header, Type type) {
            this(header, type, 0);
        }

        int width() {
            if (widthChars > 0) {
                return widthChars;
            }
            int byType = switch (type) {
                case TEXT -> 16;
                case NUMBER, PERCENT -> 10;
                case DATE -> 12;
                case DATE_TIME -> 20;
            };
            return Math.max(byType, header.length() + 4);
        }
    }

    private final SXSSFWorkbook workbook;
    private final String baseName;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle percentStyle;
    /** The workbook's default style, given to plain cells outright (see {@link #write}). */
    private final CellStyle plainStyle;

    private SXSSFSheet sheet;
    private int sheetCount;
    private int nextRow;
    private long dataRows;
    private boolean truncatedText;
    private boolean saved;
    private String aboutName;
    private List<List<String>> aboutLines = List.of();

    public XlsxWriter(String sheetName, List<Column> columns) {
        this(sheetName, columns, MAX_ROWS_PER_SHEET);
    }

    /** As the two-argument form, with fewer rows per sheet: tests see a continuation without a million rows. */
    public XlsxWriter(String sheetName, List<Column> columns, int rowsPerSheet) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one column");
        }
        if (rowsPerSheet < 2 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rows per sheet must be 2.." + MAX_ROWS_PER_SHEET);
        }
        this.columns = List.copyOf(columns);
        this.rowsPerSheet = rowsPerSheet;
        this.baseName = WorkbookUtil.createSafeSheetName(Objects.requireNonNullElse(sheetName, "Sheet"), '_');
        workbook = new SXSSFWorkbook(WINDOW);
        // Scratch files of a million rows shrink about tenfold compressed; disks on laptops are small too.
        workbook.setCompressTempFiles(true);
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        short dateTimeFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(dateTimeFormat);
        percentStyle = workbook.createCellStyle();
        percentStyle.setDataFormat(workbook.createDataFormat().getFormat("0%"));
        plainStyle = workbook.getCellStyleAt(0);
        startSheet();
    }

    public List<Column> columns() {
        return columns;
    }

    /** Appends one row; values line up with the columns, missing or null ones stay blank. */
    public void row(List<?> values) {
        if (saved) {
            throw new IllegalStateException("the workbook was saved; a writer makes one workbook");
        }
        if (nextRow >= rowsPerSheet) {
            finishSheet();
            startSheet();
        }
        Row row = sheet.createRow(nextRow++);
        for (int c = 0; c < columns.size() && c < values.size(); c++) {
            Object value = values.get(c);
            if (value != null) {
                write(row.createCell(c), columns.get(c).type(), value);
            }
        }
        dataRows++;
    }

    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    /** Data rows written so far, headers not counted. */
    public long rowCount() {
        return dataRows;
    }

    public int sheetCount() {
        return sheetCount;
    }

    /**
     * Adds, after the table's sheets, a sheet of label/value lines about the table (title, source, notes), so the
     * table's own sheets hold nothing but header and rows.
     */
    public void aboutSheet(String name, List<List<String>> lines) {
        aboutName = WorkbookUtil.createSafeSheetName(Objects.requireNonNull(name, "name"), '_');
        aboutLines = List.copyOf(lines);
    }

    public void save(OutputStream out) throws IOException {
        if (!saved) {
            finishSheet();
            writeAbout();
            saved = true;
        }
        workbook.write(out);
        if (truncatedText) {
            LOGGER.warn("Some cells were longer than a spreadsheet cell holds ({} characters) and were cut",
                    MAX_CELL_TEXT);
        }
    }

    /** Writes the workbook beside the target and moves it into place, so nobody ever sees half a file. */
    public void save(Path target) throws IOException {
        AtomicFiles.write(target, this::save);
    }

    /** Deletes the scratch files. */
    @Override
    @SuppressWarnings("deprecation")
    public void close() throws IOException {
        if (!saved) {
            // POI 5's close() on a workbook never written logs a stack trace about its scratch streams; dispose()
            // deletes them quietly first.
            workbook.dispose();
        }
        workbook.close();
    }

    private void startSheet() {
        sheetCount++;
        sheet = workbook.createSheet(sheetName(sheetCount));
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        nextRow = 1;
    }

    private void finishSheet() {
        // Filter over the rows the sheet holds, so sorting and filtering in the spreadsheet work at once.
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns.size() - 1));
    }

    private void writeAbout() {
        if (aboutName == null) {
            return;
        }
        String name = aboutName;
        while (workbook.getSheet(name) != null) {
            name = name.length() < MAX_SHEET_NAME ? name + "_" : name.substring(0, MAX_SHEET_NAME - 1) + "_";
        }
        SXSSFSheet about = workbook.createSheet(name);
        about.setColumnWidth(0, 28 * 256);
        about.setColumnWidth(1, 100 * 256);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        Font boldFont = workbook.getFontAt(headerStyle.getFontIndex());
        CellStyle label = workbook.createCellStyle();
        label.setFont(boldFont);
        int r = 0;
        for (List<String> line : aboutLines) {
            Row row = about.createRow(r++);
            for (int c = 0; c < Math.min(2, line.size()); c++) {
                String value = line.get(c);
                if (value != null && !value.isEmpty()) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT) : value);
                    cell.setCellStyle(c == 0 ? label : wrap);
                }
            }
        }
    }

    private String sheetName(int number) {
        if (number == 1) {
            return baseName;
        }
        String suffix = " (" + number + ")";
        String base = baseName.length() + suffix.length() > MAX_SHEET_NAME
                ? baseName.substring(0, MAX_SHEET_NAME - suffix.length()) : baseName;
        return base + suffix;
    }

    private void write(Cell cell, Type type, Object value) {
        // A cell without a style of its own makes POI look up its column's default style in the sheet's XML for every
        // cell it writes: half the time of a million-row workbook. The default style, given outright, writes the same.
        cell.setCellStyle(plainStyle);
        switch (type) {
            case NUMBER -> {
                Double number = asNumber(value);
                if (number != null && Double.isFinite(number)) {
                    cell.setCellValue(number);
                    return;
                }
            }
            case PERCENT -> {
                Double number = asNumber(value);
                if (number != null && Double.isFinite(number)) {
                    cell.setCellValue(number);
                    cell.setCellStyle(percentStyle);
                    return;
                }
            }
            case DATE -> {
                LocalDate date = asDate(value);
                if (date != null && date.getYear() >= FIRST_YEAR) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                    return;
                }
            }
            case DATE_TIME -> {
                LocalDateTime time = asDateTime(value);
                if (time != null && time.getYear() >= FIRST_YEAR) {
                    cell.setCellValue(time);
                    cell.setCellStyle(dateTimeStyle);
                    return;
                }
            }
            case TEXT -> {
                // every value can be text; handled below
            }
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > MAX_CELL_TEXT) {
            text = text.substring(0, MAX_CELL_TEXT - 1) + FontFace.ELLIPSIS;
            truncatedText = true;
        }
        cell.setCellValue(text);
    }

    private static Double asNumber(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && plainNumber(s)) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Digits with an optional sign, point and exponent: what Double.parseDouble reads, minus NaN, hex and "1d". */
    private static boolean plainNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    private static LocalDate asDate(Object value) {
        return switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case Instant i -> i.atOffset(ZoneOffset.UTC).toLocalDate();
            case String s when !s.isBlank() -> {
                try {
                    yield LocalDate.parse(s.strip());
                } catch (DateTimeParseException notADate) {
                    LocalDateTime time = asDateTime(s);
                    yield time == null ? null : time.toLocalDate();
                }
            }
            default -> null;
        };
    }

    private static LocalDateTime asDateTime(Object value) {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case String s when !s.isBlank() -> parseDateTime(s.strip());
            default -> null;
        };
    }

    private static LocalDateTime parseDateTime(String s) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(s);
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }
}
