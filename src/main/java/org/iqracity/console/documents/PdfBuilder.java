package org.iqracity.console.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Lays out a plain, printable A4 document: headings, wrapped paragraphs, key/value lines and tables that flow
 * across pages, with a footer and "page N of M" on every page. Text is set in the bundled DejaVu Sans, embedded
 * as a subset, so learners' names in any Latin, Greek or Cyrillic spelling print as written; a character the
 * font lacks becomes '?' rather than failing the whole document.
 *
 * <p>Page content goes to a scratch file, not the heap, so a document of thousands of pages costs little memory.
 * Not thread-safe; one builder makes one document.
 */
public final class PdfBuilder implements AutoCloseable {
    private static final String FONT_DIR = "/org/iqracity/console/fonts/";
    private static final float MARGIN_SIDE = 50f;
    private static final float MARGIN_TOP = 56f;
    private static final float MARGIN_BOTTOM = 64f;
    private static final float FOOTER_BASELINE = 34f;

    private static final float HEADING_SIZE = 16f;
    private static final float SUBHEADING_SIZE = 12.5f;
    private static final float BODY_SIZE = 10f;
    private static final float TABLE_SIZE = 8.5f;
    private static final float FOOTER_SIZE = 8f;
    private static final float LEADING = 1.35f;

    private static final float CELL_PAD = 3f;
    /** A table cell shows at most this many lines; the rest of a very long value is cut with an ellipsis. */
    private static final int MAX_CELL_LINES = 3;

    private final PDDocument document;
    /** The parsed font files; the document uses them until saved, and they are closed with it. */
    private final List<TrueTypeFont> fonts = new ArrayList<>(2);
    private final FontFace regular;
    private final FontFace bold;
    private final PDRectangle pageSize;
    private final float width;

    private PDPageContentStream content;
    private float y;
    private boolean pageHasContent;
    private String footerText = "";
    private BiFunction<Integer, Integer, String> pageLabel = (page, pages) -> "page " + page + " of " + pages;
    private boolean finished;

    /** An A4 portrait document. */
    public PdfBuilder(String documentTitle) {
        this(documentTitle, false);
    }

    /** An A4 document, turned sideways when {@code landscape}: room for a table of many columns. */
    public PdfBuilder(String documentTitle, boolean landscape) {
        Objects.requireNonNull(documentTitle, "documentTitle");
        pageSize = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        width = pageSize.getWidth() - 2 * MARGIN_SIDE;
        document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            regular = new FontFace(loadFont("DejaVuSans.ttf"));
            bold = new FontFace(loadFont("DejaVuSans-Bold.ttf"));
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(documentTitle);
        info.setCreator("Member Console");
        info.setCreationDate(Calendar.getInstance());
        // Viewers show the title instead of a temp file name in their window bar.
        PDViewerPreferences preferences = new PDViewerPreferences(document.getDocumentCatalog().getCOSObject());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private PDType0Font loadFont(String file) throws IOException {
        try (InputStream in = PdfBuilder.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IOException("bundled font missing from the class path: " + file);
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            fonts.add(ttf);
            // No ligatures: "Whitfield" set with an fi ligature reads back as "Whitﬁeld" and is not found by search.
            ttf.setEnableGsub(false);
            return PDType0Font.load(document, ttf, true);
        }
    }

    // ---- content ----------------------------------------------------------------------------------------------

    public PdfBuilder heading(String text) {
        gap(BODY_SIZE * 0.6f);
        writeWrapped(text, bold, HEADING_SIZE, MARGIN_SIDE, width, true);
        gap(BODY_SIZE * 0.4f);
        return this;
    }

    public PdfBuilder subheading(String text) {
        gap(BODY_SIZE * 0.5f);
        writeWrapped(text, bold, SUBHEADING_SIZE, MARGIN_SIDE, width, true);
        gap(BODY_SIZE * 0.25f);
        return this;
    }

    /**
     * Word-wraps the text to the page width. A line break in the text starts a new line; a blank line starts a
     * new paragraph, with a little space before it.
     */
    public PdfBuilder paragraph(String text) {
        String[] lines = Objects.requireNonNullElse(text, "").split("\\R", -1);
        boolean first = true;
        for (String line : lines) {
            if (line.isBlank()) {
                if (!first) {
                    // a whole empty line, so text tools read the break back as a blank line too
                    gap(BODY_SIZE * LEADING);
                }
                continue;
            }
            writeWrapped(line, regular, BODY_SIZE, MARGIN_SIDE, width, false);
            first = false;
        }
        gap(BODY_SIZE * 0.5f);
        return this;
    }

    /** One line of "key   value", the key bold in a column of its own, the value wrapped beside it. */
    public PdfBuilder keyValue(String key, String value) {
        float keyWidth = Math.min(width * 0.35f,
                Math.max(110f, bold.width(bold.printable(Objects.requireNonNullElse(key, "")), BODY_SIZE) + 12f));
        List<String> keyLines = bold.wrap(bold.printable(Objects.requireNonNullElse(key, "")), keyWidth - 8f,
                BODY_SIZE);
        List<String> valueLines = regular.wrap(regular.printable(Objects.requireNonNullElse(value, "")),
                width - keyWidth, BODY_SIZE);
        float lineHeight = BODY_SIZE * LEADING;
        int lines = Math.max(Math.max(keyLines.size(), valueLines.size()), 1);
        for (int i = 0; i < lines; i++) {
            ensureRoom(lineHeight);
            float baseline = y - BODY_SIZE;
            if (i < keyLines.size()) {
                show(keyLines.get(i), bold, BODY_SIZE, MARGIN_SIDE, baseline);
            }
            if (i < valueLines.size()) {
                show(valueLines.get(i), regular, BODY_SIZE, MARGIN_SIDE + keyWidth, baseline);
            }
            y -= lineHeight;
        }
        gap(BODY_SIZE * 0.15f);
        return this;
    }

    /**
     * A table as wide as the page at most. Columns get their natural width when everything fits; otherwise
     * narrow columns keep theirs and the wide ones share what is left. Cells wrap onto up to three lines and are
     * cut with an ellipsis beyond that; the header row repeats at the top of every page the table runs onto.
     */
    public PdfBuilder table(List<String> headers, List<List<String>> rows) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        int columns = headers.size();
        List<String> printableHeaders = headers.stream()
                .map(h -> bold.printable(Objects.requireNonNullElse(h, ""))).toList();
        float[] widths = columnWidths(printableHeaders, rows);
        List<List<String>> headerCells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            headerCells.add(bold.wrap(printableHeaders.get(c), widths[c] - 2 * CELL_PAD, TABLE_SIZE,
                    MAX_CELL_LINES));
        }
        float lineHeight = TABLE_SIZE * LEADING;
        float headerHeight = height(headerCells, lineHeight);

        gap(BODY_SIZE * 0.3f);
        // Never leave a header alone at the foot of a page: it needs room for itself and one line below it.
        ensureRoom(headerHeight + lineHeight + 2 * CELL_PAD);
        drawHeader(headerCells, widths, headerHeight, lineHeight);
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                String value = c < row.size() ? Objects.requireNonNullElse(row.get(c), "") : "";
                cells.add(regular.wrap(regular.printable(value), widths[c] - 2 * CELL_PAD, TABLE_SIZE,
                        MAX_CELL_LINES));
            }
            float rowHeight = height(cells, lineHeight);
            if (y - rowHeight < MARGIN_BOTTOM) {
                newPage();
                drawHeader(headerCells, widths, headerHeight, lineHeight);
            }
            drawRow(cells, widths, regular, rowHeight, lineHeight);
            rule(0.3f, 0.8f);
        }
        gap(BODY_SIZE * 0.6f);
        return this;
    }

    public PdfBuilder spacer() {
        gap(BODY_SIZE * LEADING);
        return this;
    }

    /** Starts a new page, unless the current one is still empty. */
    public PdfBuilder pageBreak() {
        if (pageHasContent) {
            newPage();
        }
        return this;
    }

    /** Text printed at the foot of every page, beside the page number. */
    public PdfBuilder footer(String text) {
        footerText = Objects.requireNonNullElse(text, "");
        return this;
    }

    /** How the page number reads, given page and page count; "page N of M" unless told otherwise. */
    public PdfBuilder pageLabel(BiFunction<Integer, Integer, String> label) {
        pageLabel = Objects.requireNonNull(label, "label");
        return this;
    }

    /** Pages so far; the page being filled counts. */
    public int pageCount() {
        return document.getNumberOfPages();
    }

    // ---- output -----------------------------------------------------------------------------------------------

    public void save(OutputStream out) throws IOException {
        finish();
        document.save(out);
    }

    /** Writes the document next to the target and moves it into place, so nobody ever sees half a file. */
    public void save(Path target) throws IOException {
        AtomicFiles.write(target, this::save);
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        try {
            document.close();
        } finally {
            for (TrueTypeFont ttf : fonts) {
                ttf.close();
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // the constructor is already failing with the cause that matters
        }
    }

    /** Closes the last page and stamps every page's footer, now that the page count is known. */
    private void finish() throws IOException {
        if (finished) {
            return;
        }
        if (document.getNumberOfPages() == 0) {
            newPage();
        }
        if (content != null) {
            content.close();
            content = null;
        }
        int pages = document.getNumberOfPages();
        String footer = regular.printable(footerText);
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            String label = regular.printable(pageLabel.apply(i + 1, pages));
            float labelWidth = regular.width(label, FOOTER_SIZE);
            String fitted = regular.ellipsise(footer, width - labelWidth - 16f, FOOTER_SIZE);
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream.setStrokingColor(0.75f, 0.75f, 0.75f);
                stream.setLineWidth(0.5f);
                stream.moveTo(MARGIN_SIDE, FOOTER_BASELINE + FOOTER_SIZE + 4f);
                stream.lineTo(MARGIN_SIDE + width, FOOTER_BASELINE + FOOTER_SIZE + 4f);
                stream.stroke();
                stream.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                text(stream, fitted, regular, FOOTER_SIZE, MARGIN_SIDE, FOOTER_BASELINE);
                text(stream, label, regular, FOOTER_SIZE, MARGIN_SIDE + width - labelWidth, FOOTER_BASELINE);
            }
        }
        finished = true;
    }

    // ---- layout -----------------------------------------------------------------------------------------------

    private void writeWrapped(String text, FontFace face, float size, float x, float available, boolean keepWithNext) {
        List<String> lines = face.wrap(face.printable(Objects.requireNonNullElse(text, "")), available, size);
        float lineHeight = size * LEADING;
        // A heading wants the first body line after it on the same page.
        ensureRoom(lineHeight * lines.size() + (keepWithNext ? BODY_SIZE * LEADING * 2 : 0));
        for (String line : lines) {
            ensureRoom(lineHeight);
            show(line, face, size, x, y - size);
            y -= lineHeight;
        }
    }

    private float[] columnWidths(List<String> headers, List<List<String>> rows) {
        int columns = headers.size();
        float[] headerLeast = new float[columns];
        float[] least = new float[columns];
        float[] natural = new float[columns];
        for (int c = 0; c < columns; c++) {
            // A header may wrap between its words, never inside one.
            headerLeast[c] = longestWord(headers.get(c), bold) + 2 * CELL_PAD;
            least[c] = headerLeast[c];
            natural[c] = Math.max(least[c], bold.width(headers.get(c), TABLE_SIZE) + 2 * CELL_PAD);
        }
        for (List<String> row : rows) {
            for (int c = 0; c < Math.min(columns, row.size()); c++) {
                String value = row.get(c);
                if (value != null && !value.isEmpty()) {
                    String printable = regular.printable(value);
                    natural[c] = Math.max(natural[c], regular.width(printable, TABLE_SIZE) + 2 * CELL_PAD);
                    least[c] = Math.max(least[c], longestWord(printable, regular) + 2 * CELL_PAD);
                }
            }
        }
        // Cells wrap between words too (a date cut in two misreads); only when even that cannot fit do they break
        // inside words, and then only the headers' words are kept whole.
        if (sum(least) > width) {
            least = headerLeast;
        }
        float total = sum(natural);
        float[] widths = new float[columns];
        if (total <= width) {
            // Spread the slack evenly so the table spans the page like the text around it.
            for (int c = 0; c < columns; c++) {
                widths[c] = natural[c] + (width - total) / columns;
            }
            return widths;
        }
        float floor = sum(least);
        if (floor >= width) {
            // Not even the headers fit: everything shrinks alike and long words break.
            for (int c = 0; c < columns; c++) {
                widths[c] = least[c] * width / floor;
            }
            return widths;
        }
        // Columns that want no more than a fair share of the room get all they want; repeat while that frees
        // room. The wide columns left keep at least their header and share the rest by how much more they want.
        boolean[] settled = new boolean[columns];
        float room = width;
        int open = columns;
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            float share = room / open;
            for (int c = 0; c < columns; c++) {
                if (!settled[c] && natural[c] <= share) {
                    settled[c] = true;
                    widths[c] = natural[c];
                    room -= natural[c];
                    open--;
                    changed = true;
                }
            }
        }
        float openLeast = 0;
        float openWanted = 0;
        for (int c = 0; c < columns; c++) {
            if (!settled[c]) {
                openLeast += least[c];
                openWanted += natural[c] - least[c];
            }
        }
        if (openLeast > room) {
            for (int c = 0; c < columns; c++) {
                widths[c] = least[c] * width / floor;
            }
            return widths;
        }
        for (int c = 0; c < columns; c++) {
            if (!settled[c]) {
                widths[c] = least[c] + (openWanted <= 0 ? 0
                        : (room - openLeast) * (natural[c] - least[c]) / openWanted);
            }
        }
        return widths;
    }

    private float longestWord(String text, FontFace face) {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, face.width(word, TABLE_SIZE));
        }
        return Math.min(longest, width / 4);
    }

    private static float height(List<List<String>> cells, float lineHeight) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * lineHeight + 2 * CELL_PAD;
    }

    private void drawHeader(List<List<String>> cells, float[] widths, float height, float lineHeight) {
        ensurePage();
        try {
            content.setNonStrokingColor(0.90f, 0.91f, 0.93f);
            content.addRect(MARGIN_SIDE, y - height, sum(widths), height);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        drawRow(cells, widths, bold, height, lineHeight);
        rule(0.6f, 0.5f);
    }

    private void drawRow(List<List<String>> cells, float[] widths, FontFace face, float height, float lineHeight) {
        float x = MARGIN_SIDE;
        for (int c = 0; c < cells.size(); c++) {
            float baseline = y - CELL_PAD - TABLE_SIZE;
            for (String line : cells.get(c)) {
                show(line, face, TABLE_SIZE, x + CELL_PAD, baseline);
                baseline -= lineHeight;
            }
            x += widths[c];
        }
        y -= height;
    }

    private void rule(float lineWidth, float grey) {
        try {
            content.setStrokingColor(grey, grey, grey);
            content.setLineWidth(lineWidth);
            content.moveTo(MARGIN_SIDE, y);
            content.lineTo(MARGIN_SIDE + width, y);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    private void gap(float height) {
        if (!pageHasContent) {
            return;
        }
        y -= height;
    }

    private void ensureRoom(float height) {
        ensurePage();
        if (pageHasContent && y - height < MARGIN_BOTTOM) {
            newPage();
        }
    }

    private void ensurePage() {
        if (content == null) {
            newPage();
        }
    }

    private void newPage() {
        if (finished) {
            throw new IllegalStateException("the document was saved; a builder makes one document");
        }
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = pageSize.getHeight() - MARGIN_TOP;
        pageHasContent = false;
    }

    private void show(String line, FontFace face, float size, float x, float baseline) {
        ensurePage();
        try {
            text(content, line, face, size, x, baseline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pageHasContent = true;
    }

    private static void text(PDPageContentStream stream, String line, FontFace face, float size, float x,
                             float baseline) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(face.font(), size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(line);
        stream.endText();
    }
}
