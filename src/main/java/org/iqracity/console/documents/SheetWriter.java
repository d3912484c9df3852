package org.iqracity.console.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;

/**
 * The rows of one table into a package's sheets: each cell typed by its column, the next sheet begun (header
 * repeated) when one is full, and an optional sheet about the table at the end. {@link XlsxWriter} runs it on a
 * thread of its own. Not thread-safe.
 */
final class SheetWriter {
    private static final int MAX_SHEET_NAME = 31;
    private static final int MAX_WIDTH = 255;
    /** Characters in one cell; Excel refuses more. */
    static final int MAX_CELL_TEXT = 32_767;
    /**
     * Distinct values a column may add to the shared strings. A column of a few repeated values (course, country,
     * mode, true/false) shares them all; one of mostly unique values (ids, emails) reaches this soon, and from then
     * on is written inline without looking its values up, so the table stays small however many rows there are.
     */
    private static final int SHARED_PER_COLUMN = 2_048;
    /** Longer text is written inline: repeated long text is rare, and the table is held in memory. */
    private static final int SHARED_MAX_LENGTH = 100;

    private final XlsxPackage pkg;
    private final String baseName;
    private final List<Column> columns;
    private final Type[] types;
    private final int[] widths;
    private final int rowsPerSheet;
    private final List<String> sheetNames = new ArrayList<>();
    /** Per column: values it added to the shared strings, and values found there. */
    private final int[] sharedBy;
    private final long[] sharedHits;
    private final boolean[] inline;
    private boolean truncatedText;

    SheetWriter(XlsxPackage pkg, String baseName, List<Column> columns, int rowsPerSheet) throws IOException {
        this.pkg = pkg;
        this.baseName = baseName;
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
        types = columns.stream().map(Column::type).toArray(Type[]::new);
        widths = columns.stream().mapToInt(c -> Math.min(MAX_WIDTH, c.width())).toArray();
        sharedBy = new int[columns.size()];
        sharedHits = new long[columns.size()];
        inline = new boolean[columns.size()];
        startSheet();
    }

    /** One row; values beyond the columns are ignored, nulls stay blank. */
    void row(Object[] values) throws IOException {
        if (pkg.rows() >= rowsPerSheet) {
            pkg.endSheet(columns.size());
            startSheet();
        }
        pkg.beginRow();
        for (int c = 0; c < types.length && c < values.length; c++) {
            Object value = values[c];
            if (value != null) {
                cell(c, types[c], value);
            }
        }
        pkg.endRow();
    }

    /** Ends the last sheet, adds the sheet about the table when there is one, and closes the package. */
    Path finish(String aboutName, List<List<String>> aboutLines) throws IOException {
        pkg.endSheet(columns.size());
        if (aboutName != null) {
            about(aboutName, aboutLines);
        }
        return pkg.finish();
    }

    boolean truncatedText() {
        return truncatedText;
    }

    private void startSheet() throws IOException {
        String name = sheetName(sheetNames.size() + 1);
        sheetNames.add(name);
        pkg.beginSheet(name, widths, true);
        pkg.beginRow();
        for (int c = 0; c < columns.size(); c++) {
            pkg.text(c, columns.get(c).header(), XlsxPackage.HEADER);
        }
        pkg.endRow();
    }

    private void about(String aboutName, List<List<String>> lines) throws IOException {
        String name = aboutName;
        while (taken(name)) {
            name = name.length() < MAX_SHEET_NAME ? name + "_" : name.substring(0, MAX_SHEET_NAME - 1) + "_";
        }
        pkg.beginSheet(name, new int[] {28, 100}, false);
        for (List<String> line : lines) {
            pkg.beginRow();
            for (int c = 0; c < Math.min(2, line.size()); c++) {
                String value = line.get(c);
                if (value != null && !value.isEmpty()) {
                    pkg.text(c, cut(value), c == 0 ? XlsxPackage.LABEL : XlsxPackage.WRAP);
                }
            }
            pkg.endRow();
        }
        pkg.endSheet(0);
    }

    /** Sheet names are unique regardless of case. */
    private boolean taken(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return sheetNames.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower));
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

    private void cell(int column, Type type, Object value) throws IOException {
        switch (type) {
            case NUMBER, PERCENT -> {
                int style = type == Type.PERCENT ? XlsxPackage.PERCENT : XlsxPackage.PLAIN;
                if (value instanceof String s && CellValues.plainDecimal(s)) {
                    pkg.numberAsWritten(column, s, style);
                    return;
                }
                double number = CellValues.number(value);
                if (Double.isFinite(number)) {
                    pkg.number(column, number, style);
                    return;
                }
            }
            case DATE -> {
                double serial = CellValues.date(value);
                if (!Double.isNaN(serial)) {
                    pkg.serial(column, serial, XlsxPackage.DATE);
                    return;
                }
            }
            case DATE_TIME -> {
                double serial = CellValues.dateTime(value);
                if (!Double.isNaN(serial)) {
                    pkg.serial(column, serial, XlsxPackage.DATE_TIME);
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
        if (!inline[column] && text.length() <= SHARED_MAX_LENGTH && shared(column, text)) {
            return;
        }
        pkg.text(column, cut(text), XlsxPackage.PLAIN);
    }

    private boolean shared(int column, String text) throws IOException {
        int before = pkg.sharedCount();
        boolean mayAdd = sharedBy[column] < SHARED_PER_COLUMN;
        if (!pkg.sharedText(column, text, XlsxPackage.PLAIN, mayAdd)) {
            return false;
        }
        if (pkg.sharedCount() == before) {
            sharedHits[column]++;
        } else if (++sharedBy[column] == SHARED_PER_COLUMN && sharedHits[column] < SHARED_PER_COLUMN) {
            // as many distinct values as repeats so far: a column of unique values, not worth a look-up a cell
            inline[column] = true;
        }
        return true;
    }

    /** Text a cell can hold: longer text loses its end to an ellipsis, never half of a character pair. */
    private String cut(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        truncatedText = true;
        int end = MAX_CELL_TEXT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + FontFace.ELLIPSIS;
    }
}
