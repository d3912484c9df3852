package org.iqracity.console.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF back the way a person's tools would: poppler's {@code pdftotext} (what most Linux viewers and
 * search indexers use) where it is installed, and PDFBox's own text extraction. Tests assert on this text, never on
 * builder calls.
 */
public final class PdfText {
    private PdfText() {
    }

    /**
     * The text as a reader lays it out: poppler's (pages separated by form feeds) where poppler-utils is installed,
     * otherwise PDFBox's, read in position order.
     */
    public static String readBack(Path pdf) throws IOException, InterruptedException {
        if (SystemTools.installed("pdftotext")) {
            return pdftotext(pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setPageEnd("\f");
            // a gap wider than a line and a half starts a paragraph, read back after a blank line as poppler does
            stripper.setDropThreshold(1.5f);
            stripper.setParagraphEnd("\n");
            return stripper.getText(doc);
        }
    }

    /** The text as poppler extracts it, pages separated by form feeds. Fails when poppler-utils is missing. */
    public static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-layout", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("pdftotext (apt-get install poppler-utils): %s", text).isZero();
        return text;
    }

    /** The text of each page as PDFBox extracts it. */
    public static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /** The whole text as PDFBox extracts it. */
    public static String text(Path pdf) throws IOException {
        return String.join("\n", pages(pdf));
    }

    /** Names of the fonts used on any page that are not embedded in the file (a PDF should have none). */
    public static List<String> fontsNotEmbedded(Path pdf) throws IOException {
        List<String> missing = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    boolean embedded = font instanceof PDType0Font type0
                            ? type0.getDescendantFont().isEmbedded() : font.isEmbedded();
                    if (!embedded) {
                        missing.add(font.getName());
                    }
                }
            }
        }
        return missing;
    }
}
