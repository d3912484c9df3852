package org.iqracity.console.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One table with a title, a few facts about it and a note, laid out the same way as PDF (for reading and printing)
 * and as XLSX (for working with the numbers). Each cell carries both forms: the words a reader sees in the PDF and
 * the typed value a spreadsheet sorts and sums, so the two files never disagree about what is in them.
 *
 * <p>The XLSX holds the table on its first sheet, header in row one, and the title, facts and note on a second
 * sheet, so whoever imports the table gets nothing but the table.
 */
public final class ReportDocument {
    private static final int LANDSCAPE_ABOVE_COLUMNS = 6;

    /** A labelled fact shown above the table: "Sponsor: Acme Logistics". */
    public record Fact(String label, String value) {
    }

    /** A cell: what a reader sees, and the value a spreadsheet gets (null: the same text). */
    public record Cell(String shown, Object value) {
        public static Cell text(String text) {
            return new Cell(Objects.requireNonNullElse(text, ""), text);
        }

        Object spreadsheetValue() {
            return value == null ? shown : value;
        }
    }

    private final String title;
    private final List<Fact> facts = new ArrayList<>();
    private String note = "";
    private String footer = "";
    private String aboutSheet = "About";
    private String sheet;
    private BiFunction<Integer, Integer, String> pageLabel;
    private final List<XlsxWriter.Column> columns;
    private final List<List<Cell>> rows = new ArrayList<>();

    public ReportDocument(String title, List<XlsxWriter.Column> columns) {
        this.title = Objects.requireNonNull(title, "title");
        this.columns = List.copyOf(columns);
    }

    public ReportDocument fact(String label, String value) {
        facts.add(new Fact(label, value));
        return this;
    }

    public ReportDocument note(String text) {
        note = Objects.requireNonNullElse(text, "");
        return this;
    }

    public ReportDocument footer(String text) {
        footer = Objects.requireNonNullElse(text, "");
        return this;
    }

    /** The name of the XLSX sheet with the table (the title, cut to 31 characters, unless told). */
    public ReportDocument sheet(String name) {
        sheet = name;
        return this;
    }

    /** The name of the XLSX sheet with title, facts and note. */
    public ReportDocument aboutSheet(String name) {
        aboutSheet = Objects.requireNonNull(name, "name");
        return this;
    }

    public ReportDocument pageLabel(BiFunction<Integer, Integer, String> label) {
        pageLabel = label;
        return this;
    }

    public ReportDocument row(List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + columns.size() + " cells, not " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public String title() {
        return title;
    }

    public List<XlsxWriter.Column> columns() {
        return columns;
    }

    public void writePdf(OutputStream out) throws IOException {
        try (PdfBuilder pdf = pdf()) {
            pdf.save(out);
        }
    }

    public void writePdf(Path target) throws IOException {
        try (PdfBuilder pdf = pdf()) {
            pdf.save(target);
        }
    }

    public void writeXlsx(OutputStream out) throws IOException {
        try (XlsxWriter xlsx = xlsx()) {
            xlsx.save(out);
        }
    }

    public void writeXlsx(Path target) throws IOException {
        try (XlsxWriter xlsx = xlsx()) {
            xlsx.save(target);
        }
    }

    private PdfBuilder pdf() {
        // Many columns get the page sideways rather than cells wrapped letter by letter.
        PdfBuilder pdf = new PdfBuilder(title, columns.size() > LANDSCAPE_ABOVE_COLUMNS);
        try {
            pdf.heading(title);
            facts.forEach(f -> pdf.keyValue(f.label(), f.value()));
            if (!note.isBlank()) {
                pdf.spacer().paragraph(note);
            }
            pdf.table(columns.stream().map(XlsxWriter.Column::header).toList(),
                    rows.stream().map(r -> r.stream().map(Cell::shown).toList()).toList());
            pdf.footer(footer);
            if (pageLabel != null) {
                pdf.pageLabel(pageLabel);
            }
            return pdf;
        } catch (RuntimeException e) {
            try {
                pdf.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private XlsxWriter xlsx() {
        XlsxWriter xlsx = new XlsxWriter(sheet == null ? title : sheet, columns);
        rows.forEach(r -> xlsx.row(r.stream().map(Cell::spreadsheetValue).toList()));
        List<Fact> about = new ArrayList<>();
        about.add(new Fact(title, ""));
        about.addAll(facts);
        if (!note.isBlank()) {
            about.add(new Fact("", note));
        }
        xlsx.aboutSheet(aboutSheet, about.stream().map(f -> List.of(f.label(), f.value())).toList());
        return xlsx;
    }
}
