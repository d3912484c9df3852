package org.iqracity.console.documents;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The parts of an .xlsx package (SpreadsheetML), written as they come into one compressed scratch file: sheet XML
 * streams straight into its ZIP entry, and the workbook, styles and relationships, which name every sheet, follow
 * once the last sheet is done. Text is either inline or, when the caller chose to share it, an index into the shared
 * strings written at the end (a value repeated on every row, such as a course id or "true", then costs a few bytes a
 * cell instead of its whole markup); dates are numbers with a date style. Every row and cell says where it is, as
 * Excel writes them.
 */
final class XlsxPackage implements Closeable {
    static final int PLAIN = 0;
    static final int HEADER = 1;
    static final int DATE = 2;
    static final int DATE_TIME = 3;
    static final int PERCENT = 4;
    static final int LABEL = 5;
    static final int WRAP = 6;
    /** What closes a cell's reference, by style: the quote, and the style unless it is the default. */
    private static final byte[][] REF_END = {ascii("\""), ascii("\" s=\"1\""), ascii("\" s=\"2\""),
        ascii("\" s=\"3\""), ascii("\" s=\"4\""), ascii("\" s=\"5\""), ascii("\" s=\"6\"")};

    /** Deflate's fastest level: compressing the sheet XML is most of the work of a large workbook. */
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final String MAIN = XlsxParts.MAIN;
    private static final String REL = XlsxParts.REL;
    private static final String XML_DECL = XlsxParts.XML_DECL;
    private static final byte[] CELL = ascii("<c r=\"");
    private static final byte[] INLINE = ascii(" t=\"inlineStr\"><is><t>");
    private static final byte[] INLINE_KEEP_SPACE = ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] INLINE_END = ascii("</t></is></c>");
    private static final byte[] SHARED = ascii(" t=\"s\"><v>");
    private static final byte[] VALUE = ascii("><v>");
    private static final byte[] VALUE_END = ascii("</v></c>");
    private static final byte[] ROW_END = ascii("</row>\n");

    private final Path scratch;
    private final ZipOutputStream zip;
    private final XmlBytes xml;
    private final List<XlsxParts.Sheet> sheets = new ArrayList<>();
    private final List<byte[]> columnNames = new ArrayList<>();
    private final Map<String, Integer> sharedIndex = new HashMap<>();
    private final List<String> shared = new ArrayList<>();
    private final byte[] rowRef = new byte[12];
    private int rowRefLength;
    private int row;
    private boolean inSheet;
    private boolean finished;

    /** With the scratch file in {@code scratchDir}, or in the system's temporary folder when null. */
    XlsxPackage(Path scratchDir) throws IOException {
        scratch = scratchDir == null ? Files.createTempFile("console-", ".xlsx.part")
                : Files.createTempFile(scratchDir, "console-", ".xlsx.part");
        ZipOutputStream z = null;
        try {
            z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16));
            z.setLevel(LEVEL);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(scratch);
            throw e;
        }
        zip = z;
        xml = new XmlBytes(zip, 1 << 16);
    }

    /** Starts the next sheet; {@code widths} are in characters, and a frozen header keeps row one in view. */
    void beginSheet(String name, int[] widths, boolean frozenHeader) throws IOException {
        if (inSheet) {
            throw new IllegalStateException("a sheet is open");
        }
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (sheets.size() + 1) + ".xml"));
        inSheet = true;
        row = 0;
        xml.raw(XML_DECL).raw("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">");
        xml.raw("<sheetViews><sheetView workbookViewId=\"0\"").raw(sheets.isEmpty() ? " tabSelected=\"1\">" : ">");
        if (frozenHeader) {
            xml.raw("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>");
        }
        xml.raw("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (widths.length > 0) {
            xml.raw("<cols>");
            for (int c = 0; c < widths.length; c++) {
                xml.raw("<col min=\"").num(c + 1).raw("\" max=\"").num(c + 1).raw("\" width=\"").num(widths[c])
                        .raw("\" customWidth=\"1\"/>");
            }
            xml.raw("</cols>");
        }
        xml.raw("<sheetData>\n");
        sheets.add(new XlsxParts.Sheet(name, null));
    }

    void beginRow() throws IOException {
        row++;
        int n = row;
        int digits = 1;
        for (int t = n; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--) {
            rowRef[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        rowRefLength = digits;
        xml.raw("<row r=\"").num(row).raw("\">");
    }

    void endRow() throws IOException {
        xml.raw(ROW_END);
    }

    /** Rows begun on the open sheet. */
    int rows() {
        return row;
    }

    void text(int column, String value, int style) throws IOException {
        cellStart(column, style);
        xml.raw(keepsSpace(value) ? INLINE_KEEP_SPACE : INLINE).text(value).raw(INLINE_END);
    }

    /**
     * Text from the shared strings, added to them when {@code mayAdd}; false when it is not there and may not be
     * added (the caller then writes it inline).
     */
    boolean sharedText(int column, String value, int style, boolean mayAdd) throws IOException {
        Integer index = sharedIndex.get(value);
        if (index == null) {
            if (!mayAdd) {
                return false;
            }
            index = shared.size();
            sharedIndex.put(value, index);
            shared.add(value);
        }
        cellStart(column, style);
        xml.raw(SHARED).num(index).raw(VALUE_END);
        return true;
    }

    /** Strings in the shared table so far. */
    int sharedCount() {
        return shared.size();
    }

    /** A finite number; dates are numbers too, with a date style. */
    void number(int column, double value, int style) throws IOException {
        cellStart(column, style);
        xml.raw(VALUE).num(value).raw(VALUE_END);
    }

    /** A number given as text that {@link CellValues#plainDecimal} accepted. */
    void numberAsWritten(int column, String plainDecimal, int style) throws IOException {
        cellStart(column, style);
        xml.raw(VALUE).raw(plainDecimal).raw(VALUE_END);
    }

    /** A date's serial (days since 1899-12-30, the time as the fraction). */
    void serial(int column, double days, int style) throws IOException {
        cellStart(column, style);
        xml.raw(VALUE).fixed10(days).raw(VALUE_END);
    }

    /** Ends the open sheet; with {@code filterColumns} > 0 its header gets a filter over the rows written. */
    void endSheet(int filterColumns) throws IOException {
        xml.raw("</sheetData>");
        String filter = null;
        if (filterColumns > 0 && row > 0) {
            filter = "A1:" + new String(columnName(filterColumns - 1), StandardCharsets.US_ASCII) + row;
            xml.raw("<autoFilter ref=\"").raw(filter).raw("\"/>");
        }
        xml.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "</worksheet>");
        xml.drain();
        zip.closeEntry();
        inSheet = false;
        XlsxParts.Sheet last = sheets.removeLast();
        sheets.add(new XlsxParts.Sheet(last.name(), filter));
    }

    /** Writes the workbook's remaining parts and closes the package; the scratch file is then the caller's. */
    Path finish() throws IOException {
        if (inSheet) {
            throw new IllegalStateException("a sheet is open");
        }
        boolean hasShared = !shared.isEmpty();
        if (hasShared) {
            sharedStrings();
        }
        part("xl/workbook.xml", XlsxParts.workbook(sheets));
        part("xl/styles.xml", XlsxParts.STYLES);
        part("xl/_rels/workbook.xml.rels", XlsxParts.workbookRelationships(sheets.size(), hasShared));
        part("_rels/.rels", XlsxParts.PACKAGE_RELATIONSHIPS);
        part("[Content_Types].xml", XlsxParts.contentTypes(sheets.size(), hasShared));
        zip.close();
        finished = true;
        return scratch;
    }

    /** Deletes the scratch file unless the package was finished and handed over. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                zip.close();
            } finally {
                Files.deleteIfExists(scratch);
            }
        }
    }

    private void sharedStrings() throws IOException {
        zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
        xml.raw(XML_DECL).raw("<sst xmlns=\"" + MAIN + "\" uniqueCount=\"").num(shared.size()).raw("\">");
        for (String value : shared) {
            xml.raw(keepsSpace(value) ? "<si><t xml:space=\"preserve\">" : "<si><t>").text(value).raw("</t></si>");
        }
        xml.raw("</sst>").drain();
        zip.closeEntry();
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private void cellStart(int column, int style) throws IOException {
        xml.raw(CELL).raw(columnName(column)).raw(rowRef, rowRefLength).raw(REF_END[style]);
    }

    /** A, B, ... Z, AA, ...: made once per column. */
    private byte[] columnName(int column) {
        while (columnNames.size() <= column) {
            int n = columnNames.size() + 1;
            StringBuilder name = new StringBuilder();
            while (n > 0) {
                int rem = (n - 1) % 26;
                name.insert(0, (char) ('A' + rem));
                n = (n - 1) / 26;
            }
            columnNames.add(ascii(name.toString()));
        }
        return columnNames.get(column);
    }

    /** Text that starts or ends with white space, which XML would drop unless told to keep it. */
    private static boolean keepsSpace(String value) {
        return !value.isEmpty() && (isXmlSpace(value.charAt(0)) || isXmlSpace(value.charAt(value.length() - 1)));
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
